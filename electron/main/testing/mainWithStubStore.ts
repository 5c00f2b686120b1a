import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOST_CHANNEL, HOST_PORT_MESSAGE } from '../../../shared/contract/bridge';
import { storeControlContract } from '../../../shared/contract/storeControl';
import type { Outcome } from '../../../shared/rpc/dispatch';
import { serve } from '../../../shared/rpc/server';
import { mainPortEndpoint } from '../portMain';
import { startComptoir, type AppLayout } from '../startComptoir';
import { FakeWindow, type FakeElectron, type FakePort } from './fakeElectron';

/**
 * Main's real code started against the fake Electron, with the store window's part as small
 * as main needs it (no records), and a HostApi call as the UI window would make it.
 */
export async function mainWithStubStore(
  electron: FakeElectron,
  pages: string,
  layout: Partial<AppLayout> = {},
): Promise<(method: string, arg: unknown) => Promise<Outcome>> {
  for (const window of ['ui', 'store']) {
    mkdirSync(join(pages, window), { recursive: true });
    writeFileSync(join(pages, window, 'index.html'), `<title>${window}</title>`);
  }
  await startComptoir(electron.deps, {
    folders: { ui: join(pages, 'ui'), store: join(pages, 'store') },
    preloads: { ui: '/app/out/preload/ui.cjs', store: '/app/out/preload/store.cjs' },
    storeLockTimeoutMs: 50,
    ...layout,
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  const [store, ui] = FakeWindow.all as [FakeWindow, FakeWindow];
  const controlPort = store.webContents.posted
    .filter((p) => p.channel === HOST_PORT_MESSAGE)
    .at(-1)!.ports[0] as FakePort;
  serve(mainPortEndpoint(controlPort), storeControlContract, {
    'store.unlock': () => ({ customers: 0, damaged: [] }),
    'store.lock': () => ({ locked: true as const }),
    'store.readPages': () => ({ pages: [], manifest: null }),
    'store.stagePages': ({ pages: p }: { pages: unknown[] }) => ({ staged: p.length }),
  } as never);
  const fromUi = { sender: ui.webContents, senderFrame: { url: 'comptoir://ui/index.html' } };
  return (method, arg) =>
    electron.ipc.get(HOST_CHANNEL)!(fromUi as never, { method, arg } as never) as Promise<Outcome>;
}
