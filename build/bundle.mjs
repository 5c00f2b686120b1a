#!/usr/bin/env node
// `npm run build`: the desktop app into out/ — main and preloads with esbuild, the two pages with Vite.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export async function bundle({ quiet = false } = {}) {
  const common = {
    bundle: true,
    format: 'cjs',
    external: ['electron'],
    target: 'node22',
    sourcemap: false,
    logLevel: quiet ? 'error' : 'warning',
    legalComments: 'none',
  };
  // Main: Node, with everything it imports from shared/ and node_modules bundled in.
  await build({
    ...common,
    platform: 'node',
    entryPoints: [at('electron/main/main.ts')],
    outfile: at('out/main/main.cjs'),
  });
  // Main's Argon2id thread, a file of its own beside main.cjs (main starts it by that path).
  await build({
    ...common,
    platform: 'node',
    entryPoints: [at('electron/main/argon2.worker.ts')],
    outfile: at('out/main/argon2Worker.cjs'),
  });
  // Preloads run sandboxed: they may require only 'electron', so all else is bundled.
  for (const name of ['ui', 'store']) {
    await build({
      ...common,
      platform: 'browser',
      entryPoints: [at(`electron/preload/${name}.ts`)],
      outfile: at(`out/preload/${name}.cjs`),
    });
  }
  const vite = at('node_modules/vite/bin/vite.js');
  for (const mode of ['ui', 'store']) {
    execFileSync(
      process.execPath,
      [
        vite,
        'build',
        '-c',
        'build/vite.app.config.ts',
        '--mode',
        mode,
        '--logLevel',
        quiet ? 'error' : 'warn',
      ],
      {
        cwd: repo,
        stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
      },
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle();
  console.log('Built the desktop app into out/ (main, preload, renderer, store).');
}
