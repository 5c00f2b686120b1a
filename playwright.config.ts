import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { PLAINTEXT_PORT, WEB_PORT, chromiumLaunch } from './test/e2e/chromium';

// Absolute: Vite resolves a relative --outDir against its root (build/web), not the repo.
const out = (name: string) => fileURLToPath(new URL(`./out/${name}`, import.meta.url));
const build = (outDir: string) =>
  `npx vite build -c build/vite.web.config.ts --logLevel warn --outDir ${outDir}`;
const preview = (outDir: string, port: number) =>
  `npx vite preview -c build/vite.web.config.ts --outDir ${outDir} --port ${port}`;

export default defineConfig({
  testDir: 'test',
  testMatch: ['e2e/**/*.spec.ts', 'e2e-electron/**/*.spec.ts', 'desktop/**/*.spec.ts'],
  // The desktop twin runs the production bundles of the desktop app (out/main, out/preload...).
  globalSetup: './test/desktop/globalSetup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // The JSON report feeds the closing count of `npm test` (build/test.mjs).
  reporter: [['list'], ['json', { outputFile: '.reports/playwright.json' }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunch,
  },
  webServer: [
    {
      command: `${build(out('web'))} && ${preview(out('web'), WEB_PORT)}`,
      url: `http://127.0.0.1:${WEB_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // The same app with pages stored in clear: proves the at-rest scan can find values.
      command: `${build(out('web-plaintext'))} && ${preview(out('web-plaintext'), PLAINTEXT_PORT)}`,
      url: `http://127.0.0.1:${PLAINTEXT_PORT}`,
      env: { VITE_COMPTOIR_PLAINTEXT_FOR_TESTS: '1' },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
