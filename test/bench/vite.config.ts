import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const pages = (name: string) => fileURLToPath(new URL(`./pages/${name}`, import.meta.url));

/**
 * The bench's own pages: the transport against the real store worker, and the naive designs
 * the budget is compared with. Cross-origin isolation gives performance.now() microseconds
 * instead of Chromium's coarsened 100 µs.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: pages(''),
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('bench') },
  server: { fs: { allow: [repo] }, headers: isolation },
  preview: { host: '127.0.0.1', strictPort: true, headers: isolation },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../../out/bench-pages', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    rollupOptions: { input: { rpc: pages('rpc.html'), naive: pages('naive.html') } },
  },
});
