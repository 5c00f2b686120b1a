import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** How every test launches Chromium: Debian's when present (Playwright cannot download its own here). */
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

export const WEB_PORT = 4173;
/** A second build of browser mode with encryption switched off, only for the at-rest scan's control. */
export const PLAINTEXT_PORT = 4174;
