import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_CHANNEL, HOST_PORT_MESSAGE } from '../../shared/contract/bridge';
import { hostContract } from '../../shared/contract/host';
import { storeControlContract } from '../../shared/contract/storeControl';
import type { Outcome } from '../../shared/rpc/dispatch';
import { serve } from '../../shared/rpc/server';
import { malformedArg } from '../../shared/rpc/testing/argArbitraries';
import { answeredProperly } from '../../shared/rpc/testing/answeredProperly';
import { mainPortEndpoint } from './portMain';
import { startComptoir } from './startComptoir';
import { FakeWindow, fakeElectron, type FakePort } from './testing/fakeElectron';

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
  for (const window of ['ui', 'store']) {
    mkdirSync(join(pages, window));
    writeFileSync(join(pages, window, 'index.html'), `<title>${window}</title>`);
  }
  const electron = fakeElectron({ userData });
  await startComptoir(electron.deps, {
    folders: { ui: join(pages, 'ui'), store: join(pages, 'store') },
    preloads: { ui: '/app/out/preload/ui.cjs', store: '/app/out/preload/store.cjs' },
    storeLockTimeoutMs: 50,
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  const [store, ui] = FakeWindow.all as [FakeWindow, FakeWindow];
  const controlPort = store.webContents.posted
    .filter((p) => p.channel === HOST_PORT_MESSAGE)
    .at(-1)!.ports[0] as FakePort;
  // The store window's part, as small as main needs it.
  serve(mainPortEndpoint(controlPort), storeControlContract, {
    'store.unlock': () => ({ customers: 0, damaged: [] }),
    'store.lock': () => ({ locked: true as const }),
    'store.readPages': () => ({ pages: [] }),
    'store.replacePages': ({ pages: p }: { pages: unknown[] }) => ({ replaced: p.length }),
    'store.stagePages': ({ pages: p }: { pages: unknown[] }) => ({ staged: p.length }),
  } as never);
  const fromUi = { sender: ui.webContents, senderFrame: { url: 'comptoir://ui/index.html' } };
  call = (method, arg) =>
    electron.ipc.get(HOST_CHANNEL)!(fromUi as never, { method, arg } as never) as Promise<Outcome>;
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
