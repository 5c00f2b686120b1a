import { join } from 'node:path';
import { CORE_PORT_MESSAGE, HOST_CHANNEL, HOST_EVENT_CHANNEL } from '../../shared/contract/bridge';
import type { HostHandlers } from '../../shared/contract/host';
import { BackupService } from '../../shared/vault/backupService';
import { createVaultHandlers } from '../../shared/vault/vaultHandlers';
import { VaultService } from '../../shared/vault/vaultService';
import { createAppFileHandler, type AppFolders } from './appProtocol';
import { argon2Thread } from './argon2Thread';
import type { ElectronDeps, WindowLike } from './deps';
import { createFileHandlers } from './hostFiles';
import { keptBackupFiles } from './keptBackupFiles';
import { createHostIpcHandler } from './hostIpc';
import { lockDownPackagedApp } from './packagedApp';
import { createPrintHandler } from './printPdf';
import { safeStorageKeychain } from './safeStorageKeychain';
import { CHECK_EVERY_MS, ScheduledBackups } from './scheduledBackups';
import {
  APP_SCHEME,
  STORE_ORIGIN,
  UI_ORIGIN,
  denyPermissions,
  lockNavigation,
  secureWebPreferences,
} from './security';
import { vaultFileStorage } from './vaultFileStorage';
import { createStoreLink } from './storeLink';

export interface AppLayout {
  /** Built pages, served on comptoir://ui and comptoir://store. */
  folders: AppFolders;
  preloads: { ui: string; store: string };
  /** How long a lock waits for the store before reloading it (tests shorten it). */
  storeLockTimeoutMs?: number;
  /**
   * The bundled Argon2id worker (out/main/argon2Worker.cjs): key derivation runs there, off
   * main's event loop. Absent (unit tests of the wiring only): on main's own thread.
   */
  argon2Worker?: string;
}

export interface Comptoir {
  ui: WindowLike;
  store: WindowLike;
  vault: VaultService;
}

/**
 * Main's whole job: one instance; the hidden store window and the UI window, both sandboxed;
 * a MessagePort between them for CoreApi and one to the store for its key; HostApi to the UI
 * over IPC; the vault, with its key file in the user's folder and the OS keychain; lock on sleep.
 */
export async function startComptoir(
  electron: ElectronDeps,
  layout: AppLayout,
): Promise<Comptoir | null> {
  const { app } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();
  electron.protocol.handle(APP_SCHEME, createAppFileHandler(layout.folders));
  denyPermissions(electron.session.defaultSession);
  const BrowserWindow = lockDownPackagedApp(electron);

  const store = new BrowserWindow({
    show: false,
    webPreferences: secureWebPreferences(layout.preloads.store),
  });
  const ui = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Comptoir',
    backgroundColor: '#f5f4f0',
    webPreferences: secureWebPreferences(layout.preloads.ui),
  });
  lockNavigation(store.webContents);
  lockNavigation(ui.webContents);
  ui.once('ready-to-show', () => ui.show());

  // Each derivation on a thread of its own, ended when the app quits.
  const kdf = layout.argon2Worker ? argon2Thread(layout.argon2Worker) : null;
  app.on('will-quit', () => void kdf?.stop());

  // Main -> store: the store-control API (key in, lock) on a port of its own.
  const storeLink = createStoreLink(electron, store, layout.storeLockTimeoutMs);
  let storeStarted = false;

  const vault = new VaultService({
    storage: vaultFileStorage(join(app.getPath('userData'), 'vault.json')),
    keychain: safeStorageKeychain(electron.safeStorage, electron.platform),
    store: storeLink.gate,
    argon2: kdf?.argon2,
    onChange: (status) => {
      if (!ui.isDestroyed()) {
        ui.webContents.send(HOST_EVENT_CHANNEL, { event: 'vault.changed', payload: status });
      }
    },
  });

  // Backups carry the pages as the store keeps them (sealed): main never sees a record.
  const backups = new BackupService(
    vault,
    {
      read: () => storeLink.control().send('store.readPages', {}),
      stage: async ({ pages, manifest }, keyCheck) => {
        await storeLink.control().send('store.stagePages', { pages, manifest, keyCheck });
      },
    },
    { appVersion: app.getVersion(), argon2: kdf?.argon2 },
  );

  // Automatic backups into a folder: checked every few minutes, whether locked or not.
  const scheduled = new ScheduledBackups({
    configPath: join(app.getPath('userData'), 'backups.json'),
    make: () => backups.make(),
  });
  const checkSchedule = () => void scheduled.runIfDue().catch(() => undefined);
  void scheduled.load().then(checkSchedule);
  setInterval(checkSchedule, CHECK_EVERY_MS).unref();

  // Each UI load gets a fresh CoreApi port, the other end of which goes to the store.
  const connectUiToStore = () => {
    const core = new electron.MessageChannelMain();
    store.webContents.postMessage(CORE_PORT_MESSAGE, null, [core.port2]);
    ui.webContents.postMessage(CORE_PORT_MESSAGE, null, [core.port1]);
  };
  store.webContents.on('did-finish-load', () => {
    storeLink.attach();
    if (storeStarted) {
      // The store reloaded (stuck or crashed): it lost its key, so the file is locked
      // everywhere, and the UI starts again with a port to the new store.
      void vault
        .status()
        .then((status) => (status.state === 'unlocked' ? vault.lock() : undefined))
        .catch(() => undefined);
    } else storeStarted = true;
    void ui.loadURL(`${UI_ORIGIN}/index.html`);
  });
  ui.webContents.on('did-finish-load', connectUiToStore);
  store.webContents.on('render-process-gone', () => {
    storeLink.reload();
    void vault.lock().catch(() => undefined);
  });

  const files = createFileHandlers(electron.dialog, { downloads: () => app.getPath('downloads') });
  const handlers: HostHandlers = {
    'host.appInfo': () => ({
      runtime: 'electron',
      version: app.getVersion(),
      platform: electron.platform,
    }),
    ...files,
    ...createPrintHandler(BrowserWindow, files['host.saveFile']),
    ...createVaultHandlers(
      vault,
      backups,
      keptBackupFiles(join(app.getPath('userData'), 'backups-before-restore')),
    ),
    'backups.schedule': () => scheduled.status(),
    'backups.setSchedule': (schedule) => scheduled.setSchedule(schedule),
    'backups.chooseFolder': async () => {
      const chosen = await electron.dialog.showOpenDialog({
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = chosen.filePaths[0];
      return chosen.canceled || !folder ? null : scheduled.setSchedule({ folder });
    },
    'backups.runNow': () => scheduled.runNow(),
  };
  electron.ipcMain.handle(
    HOST_CHANNEL,
    createHostIpcHandler(
      handlers,
      (event) =>
        event.sender.id === ui.webContents.id &&
        (event.senderFrame?.url ?? '').startsWith(`${UI_ORIGIN}/`),
    ),
  );

  // A laptop that sleeps or locks its screen may be walked away with: lock the file.
  const lockNow = () => void vault.lock().catch(() => undefined);
  electron.powerMonitor.on('suspend', lockNow);
  electron.powerMonitor.on('lock-screen', lockNow);

  app.on('second-instance', () => {
    if (ui.isMinimized()) ui.restore();
    ui.focus();
  });
  app.on('window-all-closed', () => app.quit());
  ui.on('closed', () => app.quit());

  await store.loadURL(`${STORE_ORIGIN}/index.html`);
  return { ui, store, vault };
}
