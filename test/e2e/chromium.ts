export { chromiumLaunch } from '../chromium.mjs';

export const WEB_PORT = 4173;
/** A second build of browser mode with encryption switched off, only for the at-rest scan's control. */
export const PLAINTEXT_PORT = 4174;
