import { bundle } from '../../build/bundle.mjs';

/** The desktop twin runs the production bundles: `npm run build`, once per run. */
export default async function globalSetup(): Promise<void> {
  await bundle({ quiet: true });
}
