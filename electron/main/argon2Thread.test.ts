import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Here, type Argon2, type Argon2Input } from '../../shared/vault/argon2';
import { fromBase64 } from '../../shared/vault/bytes';
import { DEFAULT_KDF } from '../../shared/vault/vaultFile';
import { argon2Thread } from './argon2Thread';
import { fakeElectron } from './testing/fakeElectron';
import { mainWithStubStore } from './testing/mainWithStubStore';

const PASS = 'Vélo rouge, quai Saint-Antoine 1987!';
const repo = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'comptoir-argon2-'));
// The worker as build/bundle.mjs bundles it beside main.cjs.
const WORKER = join(work, 'argon2Worker.cjs');

beforeAll(async () => {
  await build({
    entryPoints: [join(repo, 'electron/main/argon2.worker.ts')],
    outfile: WORKER,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    logLevel: 'error',
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const input = (password: string, kdf = DEFAULT_KDF): Argon2Input => ({
  password,
  salt: fromBase64('c2FsdHNhbHRzYWx0c2FsdA=='),
  memoryKiB: kdf.memoryKiB,
  iterations: kdf.iterations,
  parallelism: kdf.parallelism,
});

/** How many times a 5 ms timer fires on this thread while `work` runs. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

describe("main's Argon2id on a worker thread", () => {
  it('derives the same key as on this thread, one worker per derivation, each ended', async () => {
    const thread = argon2Thread(WORKER);
    const small = { ...DEFAULT_KDF, memoryKiB: 8 * 1024, iterations: 1 };
    const running = Promise.all([
      thread.argon2(input('first', small)),
      thread.argon2(input('second', small)),
    ]);
    expect(thread.running()).toBe(2);
    const [a, b] = await running;
    expect(a).toEqual(await argon2Here(input('first', small)));
    expect(b).toEqual(await argon2Here(input('second', small)));
    expect(a).toBeInstanceOf(Uint8Array);
    expect(thread.running()).toBe(0);
  });

  it("keeps main's event loop turning during a 64 MiB derivation; on main's thread it stops", async () => {
    const thread = argon2Thread(WORKER);
    const duration = { here: 0, worker: 0 };
    const time = (argon2: Argon2, key: keyof typeof duration) => async () => {
      const start = performance.now();
      await argon2(input('a passphrase'));
      duration[key] = performance.now() - start;
    };
    const onThread = await ticksDuring(time(thread.argon2, 'worker'));
    const onMain = await ticksDuring(time(argon2Here, 'here'));
    // The timer fires about every 5 ms while the worker derives; not once while main does.
    expect(onThread).toBeGreaterThanOrEqual(Math.floor(duration.worker / 5 / 4));
    expect(onThread).toBeGreaterThanOrEqual(10);
    expect(onMain).toBeLessThanOrEqual(1);
  });

  it('a derivation that fails in the worker rejects, and the worker ends', async () => {
    const thread = argon2Thread(WORKER);
    await expect(thread.argon2({ ...input('x'), parallelism: 0 })).rejects.toThrow(
      /Argon2id failed/,
    );
    expect(thread.running()).toBe(0);
  });

  it('a worker that dies or cannot start rejects: main does not crash', async () => {
    const dying = join(work, 'dying.cjs');
    writeFileSync(dying, "throw new Error('out of memory');");
    await expect(argon2Thread(dying).argon2(input('x'))).rejects.toThrow(
      /Argon2id worker failed: out of memory/,
    );
    const silent = join(work, 'silent.cjs');
    writeFileSync(silent, 'process.exit(3);');
    await expect(argon2Thread(silent).argon2(input('x'))).rejects.toThrow(/ended \(code 3\)/);
    await expect(argon2Thread(join(work, 'missing.cjs')).argon2(input('x'))).rejects.toThrow(
      /Argon2id worker failed/,
    );
  });

  it('stop ends the derivations running and refuses new ones', async () => {
    const thread = argon2Thread(WORKER);
    const running = thread.argon2(input('a passphrase'));
    expect(thread.running()).toBe(1);
    const refused = expect(running).rejects.toThrow(/stopped: the app quit/);
    await thread.stop();
    await refused;
    expect(thread.running()).toBe(0);
    await expect(thread.argon2(input('later'))).rejects.toThrow(/stopped/);
  });
});

describe('main derives keys on the worker thread', () => {
  it('creating and unlocking a file derive on the worker main was given; quitting stops it', async () => {
    const userData = join(work, 'user-data');
    const pages = join(work, 'pages');
    mkdirSync(userData, { recursive: true });
    // The bundled worker, behind a line that notes each start.
    const started = join(work, 'started.txt');
    const spy = join(work, 'spyWorker.cjs');
    writeFileSync(
      spy,
      `require('node:fs').appendFileSync(${JSON.stringify(started)}, 'x');\n` +
        `require(${JSON.stringify(WORKER)});\n`,
    );
    const electron = fakeElectron({ userData });
    const call = await mainWithStubStore(electron, pages, { argon2Worker: spy });

    expect(await call('vault.create', { passphrase: PASS })).toMatchObject({ ok: true });
    expect(await call('vault.lock', {})).toMatchObject({ ok: true });
    expect(await call('vault.unlock', { passphrase: PASS, remember: false })).toMatchObject({
      ok: true,
    });
    expect(readFileSync(started, 'utf8')).toBe('xx');

    electron.app.emit('will-quit');
    expect(await call('vault.lock', {})).toMatchObject({ ok: true });
    expect(await call('vault.unlock', { passphrase: PASS, remember: false })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Argon2id is stopped/) },
    });
    expect(readFileSync(started, 'utf8')).toBe('xx');
  });
});
