import { existsSync, readFileSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * How every test and the bench launch Chromium: Debian's when present (Playwright cannot
 * download its own here), without the background connections this closed network refuses.
 */
export const chromiumLaunch = {
  executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/**
 * The launch options that run Chromium as the Electron app configures it: the features it
 * turns off (electron/main/disabledChromiumFeatures.json) added to the ones Playwright turns
 * off. Chromium honours only the last `--disable-features` it is given, so Playwright's own
 * switch is read from a throwaway launch and replaced by one carrying both lists.
 */
export async function appChromiumLaunch(chromium, extraArgs = []) {
  const appFeatures = JSON.parse(
    readFileSync(
      new URL('../electron/main/disabledChromiumFeatures.json', import.meta.url),
      'utf8',
    ),
  );
  const server = await chromium.launchServer(chromiumLaunch);
  const spawned = server.process().spawnargs;
  await server.close();
  const ours = spawned.filter((arg) => arg.startsWith('--disable-features='));
  if (ours.length !== 1)
    throw new Error(`expected Playwright to pass one --disable-features, found ${ours.length}`);
  const theirs = ours[0].slice('--disable-features='.length).split(',').filter(Boolean);
  const merged = [...new Set([...theirs, ...appFeatures])];
  return {
    ...chromiumLaunch,
    ignoreDefaultArgs: [ours[0]],
    args: [...chromiumLaunch.args, `--disable-features=${merged.join(',')}`, ...extraArgs],
  };
}
