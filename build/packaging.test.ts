import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const work = mkdtempSync(join(tmpdir(), 'comptoir-package-'));
const output = join(work, 'dist');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The stub binary carries a fuse wire as Electron's does (its sentinel, wire version 1, eight
 * fuses), with Electron's defaults: run-as-node, NODE_OPTIONS, inspect and file-protocol
 * privileges on, the rest off. electron-builder flips it as it flips the real binary's.
 */
const ON = '1';
const OFF = '0';
const ELECTRON_DEFAULT_FUSE_WIRE = `dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX\x01\x08${[ON, OFF, ON, ON, OFF, OFF, OFF, ON].join('')}`;

/**
 * Packages the app for real with electron-builder --dir, against a stub Electron distribution
 * (the binary cannot be downloaded here), and looks inside app.asar.
 */
describe('packaging', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(repo, 'build/bundle.mjs')], {
      cwd: repo,
      stdio: 'ignore',
    });

    const stub = join(work, 'electron-dist');
    execFileSync('mkdir', ['-p', stub]);
    writeFileSync(join(stub, 'electron'), `#!/bin/sh\n${ELECTRON_DEFAULT_FUSE_WIRE}`);
    chmodSync(join(stub, 'electron'), 0o755);
    const electronVersion = JSON.parse(
      readFileSync(join(repo, 'node_modules/electron/package.json'), 'utf8'),
    ).version as string;
    writeFileSync(join(stub, 'version'), electronVersion);

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
  }, 240_000);

  it('puts the built main, preloads, UI and store pages in app.asar, and no devDependency', () => {
    const entries = listPackage(join(output, 'linux-unpacked/resources/app.asar'), {
      isPack: false,
    }).map((entry) => entry.replaceAll('\\', '/'));
    for (const file of [
      '/package.json',
      '/out/main/main.cjs',
      '/out/main/argon2Worker.cjs',
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
  });

  it('flips the fuses in the packaged binary: no run-as-node, NODE_OPTIONS or inspect, asar only and checked, cookies encrypted', async () => {
    const wire = await getCurrentFuseWire(join(output, 'linux-unpacked/comptoir'));
    const state = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number);
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      inspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      onlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
    }).toEqual({
      runAsNode: OFF,
      nodeOptions: OFF,
      inspectArguments: OFF,
      onlyLoadAppFromAsar: ON,
      asarIntegrity: ON,
      cookieEncryption: ON,
    });
    // The fuses not set keep Electron's defaults.
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe(OFF);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(ON);
  });
});
