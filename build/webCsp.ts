import type { Plugin } from 'vite';
import { CSP } from '../electron/main/security';

/**
 * The UI window's policy, but for inline styles: in browser mode the report pack opens as a
 * blob: tab, which inherits the page's policy, and the report is one self-contained HTML file
 * (its <style>, the charts' style attributes). The desktop app prints it in a window of its own
 * that runs no script and inherits nothing, so its UI window keeps `style-src 'self'`.
 */
export const WEB_UI_CSP = CSP.ui.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/**
 * Which policy a browser-mode file is served with: the store's for the store worker, the store's
 * with WebAssembly for the Argon2id worker (the desktop app runs Argon2id in main), the UI's for
 * pages.
 */
export function webCspFor(path: string): string | null {
  const file = path.split('?')[0]!;
  if (/\/assets\/argon2\.worker-[\w-]+\.js$/.test(file)) return CSP.kdfWorker;
  if (/\/assets\/worker-[\w-]+\.js$/.test(file)) return CSP.store;
  if (file.endsWith('/') || file.endsWith('.html')) return WEB_UI_CSP;
  return null;
}

/**
 * Browser mode under the desktop app's policies (`vite preview`, which the e2e suite and the
 * bench run): the page gets the UI window's CSP, the store worker the store window's (the Argon2id
 * worker that, with WebAssembly), from the same constants main serves. So a change that would break under the
 * desktop app's policy breaks browser mode too. The dev server (`npm run web`) is left without
 * them: its hot reload injects inline scripts.
 */
export function webCsp(): Plugin {
  return {
    name: 'comptoir-web-csp',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const policy = webCspFor(request.url ?? '/');
        if (policy) response.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
