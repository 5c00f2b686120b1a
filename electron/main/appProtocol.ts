import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CSP } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Where each window's files are: comptoir://ui/… and comptoir://store/…. */
export interface AppFolders {
  ui: string;
  store: string;
}

/**
 * Serves the packaged pages with their CSP as a real header. Anything outside the window's own
 * folder, or any other host, is a 404: a page cannot read the disk through the scheme.
 */
export function createAppFileHandler(folders: AppFolders) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const window = url.hostname === 'ui' || url.hostname === 'store' ? url.hostname : null;
    if (!window || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const root = folders[window];
    const path = normalize(decodeURIComponent(url.pathname));
    const file = join(root, path === sep || path === '/' ? 'index.html' : path);
    if (!file.startsWith(root + sep)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CSP[window],
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
