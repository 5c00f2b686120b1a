/** Builds and serves the bench's two sites with Vite, each on a free port of its own. */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
const viteBin = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
const servers = new Set();

/** A port the OS has just handed out, so two runs (or the Playwright suite) never collide. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A bench build (`--mode bench`): only it keeps a search's text in the User Timing marks the
 * bench pairs by query (`renderer/app/benchMark.ts`); any other build marks the time alone.
 */
export function viteBuild(config, outDir) {
  const args = ['build', '-c', config, '--mode', 'bench', '--logLevel', 'warn'];
  if (outDir) args.push('--outDir', outDir);
  execFileSync(process.execPath, [viteBin, ...args], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** `vite preview` of a built config; resolves with its origin once `path` answers. */
export async function vitePreview(config, { outDir, path = '/' } = {}) {
  const port = await freePort();
  const args = ['preview', '-c', config, '--port', String(port), '--strictPort'];
  if (outDir) args.push('--outDir', outDir);
  const child = spawn(process.execPath, [viteBin, ...args], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  servers.add(child);
  child.on('exit', () => servers.delete(child));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview of ${config} exited early`);
    try {
      if ((await fetch(origin + path)).ok) return origin;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview of ${config} did not answer on ${origin}${path} within 20 s`);
}

/** Stops the servers this run started, and only those. */
export function stopServers() {
  for (const child of servers) child.kill();
}
