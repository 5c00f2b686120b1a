import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const work = mkdtempSync(join(tmpdir(), 'comptoir-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Packages the app for real with electron-builder --dir, against a stub Electron distribution
 * (the binary cannot be downloaded here), and looks inside app.asar.
 */
describe('packaging', () => {
  it('puts the built main, preloads, UI and store pages in app.asar, and no devDependency', () => {
    execFileSync(process.execPath, [join(repo, 'build/bundle.mjs')], {
      cwd: repo,
      stdio: 'ignore',
    });

    const stub = join(work, 'electron-dist');
    execFileSync('mkdir', ['-p', stub]);
    writeFileSync(join(stub, 'electron'), '#!/bin/sh\n');
    chmodSync(join(stub, 'electron'), 0o755);
    const electronVersion = JSON.parse(
      readFileSync(join(repo, 'node_modules/electron/package.json'), 'utf8'),
    ).version as string;
    writeFileSync(join(stub, 'version'), electronVersion);

    const output = join(work, 'dist');
    execFileSync(
      process.execPath,
      [
        join(repo, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--config',
        'build/electron-builder.config.cjs',
        `-c.electronDist=${stub}`,
        `-c.directories.output=${output}`,
      ],
      { cwd: repo, stdio: 'ignore' },
    );

    const entries = listPackage(join(output, 'linux-unpacked/resources/app.asar'), {
      isPack: false,
    }).map((entry) => entry.replaceAll('\\', '/'));
    for (const file of [
      '/package.json',
      '/out/main/main.cjs',
      '/out/preload/ui.cjs',
      '/out/preload/store.cjs',
      '/out/renderer/index.html',
      '/out/store/index.html',
    ]) {
      expect(entries).toContain(file);
    }
    expect(entries.some((e) => /^\/out\/renderer\/assets\/index-.*\.js$/.test(e))).toBe(true);
    expect(entries.some((e) => /^\/out\/store\/assets\/index-.*\.js$/.test(e))).toBe(true);
    const devInside = Object.keys(pkg.devDependencies).filter((name) =>
      entries.some((e) => e.startsWith(`/node_modules/${name}/`)),
    );
    expect(devInside).toEqual([]);
    // Everything is bundled: nothing of node_modules ships, and no source or test file either.
    expect(entries.filter((e) => e.startsWith('/node_modules/'))).toEqual([]);
    expect(entries.filter((e) => /\.(ts|tsx|map)$/.test(e) || e.includes('/test/'))).toEqual([]);
  }, 240_000);
});
