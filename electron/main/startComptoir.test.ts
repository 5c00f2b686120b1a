import type { StoredPage } from '../../shared/vault/backupFile';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CORE_PORT_MESSAGE,
  HOST_CHANNEL,
  HOST_EVENT_CHANNEL,
  HOST_PORT_MESSAGE,
} from '../../shared/contract/bridge';
import { storeControlContract } from '../../shared/contract/storeControl';
import type { VaultStatus } from '../../shared/contract/vault';
import type { Outcome } from '../../shared/rpc/dispatch';
import { serve } from '../../shared/rpc/server';
import { restoreKeyCheck } from '../../shared/vault/restoreKeyCheck';
import { mainPortEndpoint } from './portMain';
import { startComptoir } from './startComptoir';
import { FakeWindow, fakeElectron, type FakePort } from './testing/fakeElectron';

const PASS = 'Vélo rouge, quai Saint-Antoine 1987!';
const flush = () => new Promise((resolve) => setTimeout(resolve, 10));

let userData: string;
let pages: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'comptoir-main-'));
  pages = mkdtempSync(join(tmpdir(), 'comptoir-pages-'));
  for (const window of ['ui', 'store']) {
    mkdirSync(join(pages, window));
    writeFileSync(join(pages, window, 'index.html'), `<title>${window}</title>`);
  }
  writeFileSync(join(pages, 'secret.txt'), 'not for pages');
});
afterEach(() => {
  rmSync(userData, { recursive: true, force: true });
  rmSync(pages, { recursive: true, force: true });
});

const layout = () => ({
  folders: { ui: join(pages, 'ui'), store: join(pages, 'store') },
  preloads: { ui: '/app/out/preload/ui.cjs', store: '/app/out/preload/store.cjs' },
});

/** Starts main against the fake, then plays the store window's part on the control port. */
async function start(options: { backend?: string; storeLock?: () => Promise<unknown> } = {}) {
  const electron = fakeElectron({ userData, ...options });
  const app = await startComptoir(electron.deps, { ...layout(), storeLockTimeoutMs: 50 });
  await flush();
  const [store, ui] = FakeWindow.all as [FakeWindow, FakeWindow];
  const storeCalls = { keys: [] as Uint8Array[], locks: 0 };
  let storePagesNow: StoredPage[] = [];
  let storePending: { pages: StoredPage[]; keyCheck: string } | null = null;
  let storeLock = options.storeLock;
  // The store page serves the newest control port main gave it (a new one after each reload).
  const serveStore = () => {
    const controlPort = store.webContents.posted
      .filter((p) => p.channel === HOST_PORT_MESSAGE)
      .at(-1)!.ports[0] as FakePort;
    serve(mainPortEndpoint(controlPort), storeControlContract, {
      'store.unlock': async ({ dataKey }) => {
        storeCalls.keys.push(dataKey as Uint8Array);
        // As the store does: a staged restore becomes the file's under its own key only.
        if (storePending?.keyCheck === (await restoreKeyCheck(dataKey))) {
          storePagesNow = storePending.pages;
        }
        storePending = null;
        return { customers: 3, damaged: [] };
      },
      'store.lock': async () => {
        storeCalls.locks++;
        await storeLock?.();
        return { locked: true as const };
      },
      'store.readPages': () => ({ pages: storePagesNow, manifest: null }),
      'store.stagePages': ({ pages, keyCheck }) => {
        storePending = { pages: pages as StoredPage[], keyCheck };
        return { staged: pages.length };
      },
    });
    return controlPort;
  };
  const controlPort = serveStore();
  const fromUi = { sender: ui.webContents, senderFrame: { url: 'comptoir://ui/index.html' } };
  const call = (method: string, arg: unknown = {}, event: unknown = fromUi) =>
    electron.ipc.get(HOST_CHANNEL)!(event as never, { method, arg } as never) as Promise<Outcome>;
  const vaultEvents = () =>
    ui.webContents.sent
      .filter((s) => s.channel === HOST_EVENT_CHANNEL)
      .map((s) => (s.args[0] as { payload: VaultStatus }).payload.state);
  const storePages = () => storePagesNow;
  const setStorePages = (next: StoredPage[]) => void (storePagesNow = next);
  const setStoreLock = (next: (() => Promise<unknown>) | undefined) => void (storeLock = next);
  return {
    electron,
    app,
    store,
    ui,
    storeCalls,
    call,
    vaultEvents,
    storePages,
    setStorePages,
    serveStore,
    controlPort,
    setStoreLock,
  };
}

describe('Electron main', () => {
  it('keeps a single instance: a second one quits at once and focuses the first', async () => {
    const second = fakeElectron({ userData, gotLock: false });
    expect(await startComptoir(second.deps, layout())).toBeNull();
    expect(second.app.quitCalls).toBe(1);
    expect(FakeWindow.all).toHaveLength(0);

    const { electron, ui } = await start();
    ui.minimized = true;
    electron.app.emit('second-instance');
    expect(ui.restored).toBe(1);
    expect(ui.focused).toBe(1);
  });

  it('opens both windows isolated, sandboxed, without Node; the store window hidden', async () => {
    const { store, ui } = await start();
    for (const window of [store, ui]) {
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      });
    }
    expect(store.options.show).toBe(false);
    expect(store.options.webPreferences?.preload).toBe('/app/out/preload/store.cjs');
    expect(ui.options.webPreferences?.preload).toBe('/app/out/preload/ui.cjs');
    expect(store.webContents.url).toBe('comptoir://store/index.html');
    // The UI loads once the store has, and shows once it is ready.
    await vi.waitFor(() => {
      expect(ui.webContents.url).toBe('comptoir://ui/index.html');
      expect(ui.shown).toBe(true);
    });
  });

  it('denies navigation, new windows and every permission', async () => {
    const { electron, store, ui } = await start();
    for (const contents of [store.webContents, ui.webContents]) {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) });
      expect(prevented).toBe(true);
      expect(contents.openHandler?.()).toEqual({ action: 'deny' });
    }
    let granted: boolean | undefined;
    electron.permissions.request?.(ui.webContents, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(electron.permissions.check?.()).toBe(false);
  });

  it('brokers a CoreApi port between UI and store, a fresh one on each UI load', async () => {
    const { store, ui } = await start();
    const uiPort = ui.webContents.posted.find((p) => p.channel === CORE_PORT_MESSAGE)!.ports[0]!;
    const storePort = store.webContents.posted.find((p) => p.channel === CORE_PORT_MESSAGE)!
      .ports[0]!;
    expect(uiPort.peer).toBe(storePort);
    const heard: unknown[] = [];
    storePort.on('message', (event: { data: unknown }) => heard.push(event.data));
    uiPort.postMessage({ id: 1, method: 'system.ping', arg: {} });
    await vi.waitFor(() => expect(heard).toEqual([{ id: 1, method: 'system.ping', arg: {} }]));

    ui.webContents.emit('did-finish-load'); // the UI reloaded
    expect(ui.webContents.posted.filter((p) => p.channel === CORE_PORT_MESSAGE)).toHaveLength(2);
    expect(store.webContents.posted.filter((p) => p.channel === CORE_PORT_MESSAGE)).toHaveLength(2);
  });

  it('serves HostApi to the UI window only, validating every argument', async () => {
    const { store, call } = await start();
    expect(await call('host.appInfo')).toEqual({
      ok: true,
      value: { runtime: 'electron', version: '0.1.0', platform: 'linux' },
    });
    const fromStore = { sender: store.webContents, senderFrame: { url: 'comptoir://store/' } };
    expect(await call('host.appInfo', {}, fromStore)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('vault.setAutoLock', { minutes: 7 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await call('fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('keeps the wrapped key in the user folder and gives the store, never the UI, the data key', async () => {
    const { ui, call, storeCalls, vaultEvents } = await start();
    const created = await call('vault.create', { passphrase: PASS });
    expect(created).toMatchObject({ ok: true, value: { report: { customers: 3 } } });
    expect(storeCalls.keys).toHaveLength(1);
    expect(storeCalls.keys[0]).toHaveLength(32);
    const onDisk = JSON.parse(readFileSync(join(userData, 'vault.json'), 'utf8'));
    expect(onDisk.format).toBe('comptoir-vault');
    expect(JSON.stringify(onDisk)).not.toContain(
      Buffer.from(storeCalls.keys[0]!).toString('base64'),
    );
    // Nothing that went to the UI carries the key.
    const toUi = JSON.stringify([created, ui.webContents.sent]);
    expect(toUi).not.toContain(Buffer.from(storeCalls.keys[0]!).toString('base64'));
    expect(vaultEvents().at(-1)).toBe('unlocked');
  });

  it('backs up the sealed pages with the vault, and restores them on another laptop', async () => {
    const first = await start();
    await first.call('vault.create', { passphrase: PASS });
    const sealed = [
      {
        id: 'p1',
        table: 'customers',
        iv: new Uint8Array(12).fill(7),
        data: new Uint8Array([1, 2, 3]),
        count: 1,
        updatedAt: 5,
      },
    ];
    // The store holds the pages; main asks for them, sealed, to write the backup.
    first.setStorePages(sealed);
    const made = (await first.call('vault.backup')) as {
      ok: true;
      value: { bytes: Uint8Array; records: Record<string, number> };
    };
    expect(made.value.records).toEqual({ customers: 1 });
    await first.call('vault.lock');

    rmSync(userData, { recursive: true, force: true });
    userData = mkdtempSync(join(tmpdir(), 'comptoir-main-'));
    const second = await start();
    const preview = await second.call('vault.previewBackup', {
      bytes: made.value.bytes,
      passphrase: PASS,
    });
    expect(preview).toMatchObject({ ok: true, value: { replacesFile: false } });
    const restored = await second.call('vault.restoreBackup', {
      bytes: made.value.bytes,
      passphrase: PASS,
    });
    expect(restored).toMatchObject({ ok: true });
    expect(second.storePages()).toEqual(sealed);
    // The data key the second store got is the first one's.
    expect(second.storeCalls.keys.at(-1)).toEqual(first.storeCalls.keys[0]);
    expect(JSON.parse(readFileSync(join(userData, 'vault.json'), 'utf8')).format).toBe(
      'comptoir-vault',
    );
  });

  it('writes automatic backups into the folder the user picks, locked or not', async () => {
    const { electron, call, setStorePages } = await start();
    expect(await call('backups.schedule')).toMatchObject({
      ok: true,
      value: { folder: null, everyHours: 0 },
    });
    expect(await call('backups.chooseFolder')).toEqual({ ok: true, value: null }); // cancelled
    const folder = join(userData, 'Sauvegardes');
    mkdirSync(folder);
    electron.deps.dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [folder] });
    expect(await call('backups.chooseFolder')).toMatchObject({ ok: true, value: { folder } });
    expect(await call('backups.setSchedule', { everyHours: 24, keep: 3 })).toMatchObject({
      ok: true,
      value: { folder, everyHours: 24, keep: 3 },
    });
    expect(await call('backups.setSchedule', { everyHours: 5, keep: 3 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await call('vault.create', { passphrase: PASS });
    await call('vault.lock');
    setStorePages([]);
    const ran = await call('backups.runNow');
    expect(ran).toMatchObject({ ok: true, value: { lastError: null } });
    expect(readdirSync(folder)).toEqual([(ran as { value: { lastFile: string } }).value.lastFile]);
  });

  it('locks when the system sleeps or locks its screen, and tells the UI', async () => {
    const { electron, call, storeCalls, vaultEvents } = await start();
    await call('vault.create', { passphrase: PASS });
    electron.power.emit('lock-screen');
    await vi.waitFor(() => {
      expect(storeCalls.locks).toBe(1);
      expect(vaultEvents().at(-1)).toBe('locked');
    });
    await call('vault.unlock', { passphrase: PASS });
    electron.power.emit('suspend');
    await vi.waitFor(() => {
      expect(storeCalls.locks).toBe(2);
      expect(vaultEvents().at(-1)).toBe('locked');
    });
  });

  it('remembers on this device through safeStorage, and refuses a weak Linux keychain', async () => {
    const good = await start();
    await good.call('vault.create', { passphrase: PASS });
    await good.call('vault.lock');
    expect(await good.call('vault.unlock', { passphrase: PASS, remember: true })).toMatchObject({
      ok: true,
    });
    // The app quits and starts again, without a lock: the keychain opens the file.
    const relaunched = await start();
    expect(await relaunched.call('vault.status')).toMatchObject({
      value: { remembered: true, keychain: { backend: 'gnome_libsecret', weak: false } },
    });
    expect(await relaunched.call('vault.unlockRemembered')).toMatchObject({ ok: true });
    expect(relaunched.storeCalls.keys.at(-1)).toEqual(good.storeCalls.keys[0]);

    // The same file on a machine whose keychain is only basic_text.
    const weak = await start({ backend: 'basic_text' });
    expect(await weak.call('vault.status')).toMatchObject({
      value: {
        remembered: false,
        keychain: { weak: true },
        keychainChanged: { was: 'gnome_libsecret', now: 'basic_text' },
      },
    });
    expect(await weak.call('vault.unlock', { passphrase: PASS, remember: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: [{ rule: 'weakKeychain' }] },
    });
  });

  it('serves each window its own files with a CSP header, and nothing outside them', async () => {
    const { electron } = await start();
    const handler = electron.protocolHandlers.get('comptoir')!;
    const page = await handler(new Request('comptoir://ui/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<title>ui</title>');
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    for (const url of [
      'comptoir://ui/../secret.txt',
      'comptoir://ui/%2e%2e/secret.txt',
      'comptoir://ui/..%2fsecret.txt',
      'comptoir://elsewhere/index.html',
      'comptoir://ui/missing.js',
    ]) {
      expect((await handler(new Request(url))).status, url).toBe(404);
    }
  });

  it('after any lock, a remembered device wants the passphrase again, across a relaunch too', async () => {
    const first = await start();
    await first.call('vault.create', { passphrase: PASS });
    await first.call('vault.lock');
    await first.call('vault.unlock', { passphrase: PASS, remember: true });
    for (const lock of [
      () => first.call('vault.lock'),
      async () => first.electron.power.emit('suspend'),
      async () => first.electron.power.emit('lock-screen'),
    ]) {
      await first.call('vault.unlock', { passphrase: PASS });
      await lock();
      await vi.waitFor(async () =>
        expect(await first.call('vault.status')).toMatchObject({
          value: { state: 'locked', remembered: false },
        }),
      );
      expect(await first.call('vault.unlockRemembered')).toMatchObject({
        ok: false,
        error: { code: 'LOCKED', details: { passphraseRequired: true } },
      });
    }
    // Relaunched (or the UI reloaded): still the passphrase, the keychain stays shut.
    const relaunched = await start();
    expect(await relaunched.call('vault.unlockRemembered')).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    expect(relaunched.storeCalls.keys).toHaveLength(0);
    // Typing it opens the file, and the device remembers it again for the next start.
    expect(await relaunched.call('vault.unlock', { passphrase: PASS })).toMatchObject({ ok: true });
    const again = await start();
    expect(await again.call('vault.unlockRemembered')).toMatchObject({ ok: true });
  });

  it('locks at once when the store does not answer: UI told first, the store page reloaded', async () => {
    const { call, store, ui, vaultEvents, serveStore, setStoreLock, storeCalls } = await start();
    await call('vault.create', { passphrase: PASS });
    setStoreLock(() => new Promise(() => undefined)); // Busy for ever.
    const locking = call('vault.lock');
    await vi.waitFor(() => {
      expect(storeCalls.locks).toBe(1);
      expect(vaultEvents().at(-1)).toBe('locked'); // Before the store has answered.
    });
    expect(await call('vault.status')).toMatchObject({ value: { state: 'locked' } });
    expect(await locking).toEqual({ ok: true, value: { locked: true } });
    // Its heap went with the page: reloaded, given a new control port, the UI reconnected.
    await vi.waitFor(() => {
      expect(store.loads).toEqual(['comptoir://store/index.html', 'comptoir://store/index.html']);
      expect(store.webContents.posted.filter((p) => p.channel === HOST_PORT_MESSAGE)).toHaveLength(
        2,
      );
      expect(ui.loads).toHaveLength(2);
    });
    setStoreLock(undefined);
    serveStore();
    expect(await call('vault.unlock', { passphrase: PASS })).toMatchObject({ ok: true });
  });

  it('a store that has gone is reloaded, its pending calls fail and the file is locked', async () => {
    const { call, store, vaultEvents, controlPort, setStoreLock } = await start();
    await call('vault.create', { passphrase: PASS });
    setStoreLock(() => new Promise(() => undefined));
    const backup = call('vault.backup'); // Pending in the store when its page crashes.
    setStoreLock(undefined);
    controlPort.close(); // The store's page crashed: its port closes.
    store.webContents.emit('render-process-gone');
    await vi.waitFor(() => {
      expect(vaultEvents().at(-1)).toBe('locked');
      expect(store.loads).toHaveLength(2);
    });
    expect(await backup).toMatchObject({ ok: false });
  });
});
