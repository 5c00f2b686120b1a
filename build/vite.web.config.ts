import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from '../package.json' with { type: 'json' };
import { phoneRegexpCache } from './phoneRegexpCache';
import { webCsp } from './webCsp';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** Browser mode: the same renderer and store code, the store in a Dedicated Worker. */
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: './',
  plugins: [react(), phoneRegexpCache(), webCsp()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, fs: { allow: [repo] } },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  worker: { format: 'es', plugins: () => [phoneRegexpCache()] },
  build: {
    outDir: fileURLToPath(new URL('../out/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
  },
});
