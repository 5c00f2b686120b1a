import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from '../package.json' with { type: 'json' };
import { phoneRegexpCache } from './phoneRegexpCache';

const repo = fileURLToPath(new URL('..', import.meta.url));
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The desktop app's two pages, built separately (`--mode ui` or `--mode store`): the UI window
 * (renderer/desktop) to out/renderer, the hidden store window (electron/store) to out/store.
 * Relative asset paths: main serves them on comptoir://ui/ and comptoir://store/.
 */
export default defineConfig(({ mode }) => {
  const page =
    mode === 'store'
      ? { root: at('../electron/store'), outDir: at('../out/store') }
      : { root: at('../renderer/desktop'), outDir: at('../out/renderer') };
  return {
    root: page.root,
    base: './',
    plugins: mode === 'store' ? [phoneRegexpCache()] : [react(), phoneRegexpCache()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    server: { fs: { allow: [repo] } },
    build: {
      outDir: page.outDir,
      emptyOutDir: true,
      target: 'chrome140',
      // Inline nothing as data: URLs; the CSP allows only the app's own files.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
    },
  };
});
