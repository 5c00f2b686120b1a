import type { BrowserWindowConstructorOptions } from 'electron';
import type { ContentsLike, ElectronDeps } from './deps';

/** The app's own scheme: every page is served from the packaged files, never from the network. */
export const APP_SCHEME = 'comptoir';
export const UI_ORIGIN = `${APP_SCHEME}://ui`;
export const STORE_ORIGIN = `${APP_SCHEME}://store`;

/**
 * Content-Security-Policy per window. The UI may not fetch or frame anything; the store window
 * has no UI at all, and compiles no WebAssembly (its pages are sealed with WebCrypto; Argon2id
 * runs in main, in a Node worker thread), so neither may: no 'wasm-unsafe-eval', no 'unsafe-eval'.
 */
const STORE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
].join('; ');

export const CSP = {
  ui: [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; '),
  store: STORE_CSP,
  /**
   * Browser mode only: its Argon2id worker (hash-wasm, compiled from the worker's own bundle),
   * where the desktop app runs Argon2id in main. The store's policy plus 'wasm-unsafe-eval'
   * (never 'unsafe-eval'); the desktop app serves no page with it.
   */
  kdfWorker: STORE_CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"),
};

/** Every window: isolated, sandboxed, no Node, web security on. */
export function secureWebPreferences(
  preload: string,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** No navigation away from the app and no new windows, whatever a page tries. */
export function lockNavigation(contents: ContentsLike): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Camera, microphone, notifications, geolocation...: the app asks for none, so none is granted. */
export function denyPermissions(session: ElectronDeps['session']['defaultSession']): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
