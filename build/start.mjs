#!/usr/bin/env node
// `npm start`: builds the desktop app and opens it. Without the Electron runtime (npm could
// not download it, say offline), says so in one line and exits non-zero.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const electronDir = fileURLToPath(new URL('../node_modules/electron/', import.meta.url));

/** The Electron binary's path, or null; Electron >= 36 downloads it on first use. */
export function electronBinary() {
  const pathFile = `${electronDir}path.txt`;
  if (!existsSync(pathFile)) return null;
  const binary = `${electronDir}dist/${readFileSync(pathFile, 'utf8').trim()}`;
  return existsSync(binary) ? binary : null;
}

function ensureElectron() {
  if (electronBinary()) return electronBinary();
  if (!existsSync(`${electronDir}install.js`)) return null;
  // Electron's own installer; quiet, since offline it fails with a long stack.
  spawnSync(process.execPath, [`${electronDir}install.js`], { stdio: 'ignore', timeout: 300_000 });
  return electronBinary();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const binary = ensureElectron();
  if (!binary) {
    console.error(
      'Comptoir: the Electron runtime is not installed (node_modules/electron has no binary and it could not be downloaded); connect to the internet and run `npm install` again, or use browser mode: `npm run web`.',
    );
    process.exit(1);
  }
  await bundle({ quiet: true });
  const child = spawn(binary, [repo], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
