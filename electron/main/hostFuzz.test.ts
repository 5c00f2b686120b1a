import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostContract } from '../../shared/contract/host';
import type { Outcome } from '../../shared/rpc/dispatch';
import { malformedArg } from '../../shared/rpc/testing/argArbitraries';
import { answeredProperly } from '../../shared/rpc/testing/answeredProperly';
import { fakeElectron } from './testing/fakeElectron';
import { mainWithStubStore } from './testing/mainWithStubStore';

/** Read-only methods: fuzzed with anything. Every other one (writes, dialogs) with invalid only. */
const HARMLESS = new Set(['host.appInfo', 'vault.status', 'vault.judge', 'backups.schedule']);
const RUNS = 30;
const PASS = 'Vélo rouge, quai Saint-Antoine 1987!';

let userData: string;
let pages: string;
let call: (method: string, arg: unknown) => Promise<Outcome>;

/** Every file main keeps in its folder, with its bytes: what a refused call must leave alone. */
const snapshot = (dir = userData): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name);
        return [path, readFileSync(path).toString('base64')];
      }),
  );

beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'comptoir-fuzz-'));
  pages = mkdtempSync(join(tmpdir(), 'comptoir-fuzz-pages-'));
  call = await mainWithStubStore(fakeElectron({ userData }), pages);
  expect(await call('vault.create', { passphrase: PASS })).toMatchObject({ ok: true });
});
afterAll(() => {
  rmSync(userData, { recursive: true, force: true });
  rmSync(pages, { recursive: true, force: true });
});

describe('every HostApi method fed random and malformed arguments through main IPC', () => {
  it.each(Object.keys(hostContract))(
    '%s answers VALIDATION or a proper result, writes nothing when it refuses, and main keeps serving',
    async (method) => {
      const schema = hostContract[method as keyof typeof hostContract].arg;
      await fc.assert(
        fc.asyncProperty(malformedArg(schema), async (arg) => {
          if (!HARMLESS.has(method)) fc.pre(!schema.safeParse(arg).success);
          const before = snapshot();
          const outcome = await call(method, arg);
          answeredProperly(outcome);
          if (!outcome.ok) expect(snapshot()).toEqual(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS },
      );
      expect(await call('vault.status', {})).toMatchObject({
        ok: true,
        value: { state: 'unlocked' },
      });
    },
  );
});
