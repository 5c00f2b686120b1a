import type * as Electron from 'electron';
import type { PrintWindowLike } from './printPdf';

/**
 * The part of Electron that main uses, passed in rather than imported, so the wiring can be
 * unit-tested against a small fake (see testing/fakeElectron.ts). Types come from Electron's own.
 */
export interface ElectronDeps {
  app: Pick<
    Electron.App,
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'on'
    | 'whenReady'
    | 'getPath'
    | 'getVersion'
    | 'isPackaged'
  >;
  Menu: Pick<typeof Electron.Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  BrowserWindow: new (
    options: Electron.BrowserWindowConstructorOptions,
  ) => WindowLike & PrintWindowLike;
  ipcMain: Pick<Electron.IpcMain, 'handle'>;
  dialog: Pick<Electron.Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  MessageChannelMain: new () => { port1: PortMainLike; port2: PortMainLike };
  safeStorage: Pick<
    Electron.SafeStorage,
    'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
  >;
  powerMonitor: Pick<Electron.PowerMonitor, 'on'>;
  protocol: Pick<Electron.Protocol, 'handle'>;
  session: {
    defaultSession: Pick<
      Electron.Session,
      'setPermissionRequestHandler' | 'setPermissionCheckHandler'
    >;
  };
  platform: NodeJS.Platform;
}

/** What main uses of MessagePortMain (Electron's own satisfies it). */
export interface PortMainLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  /** The other end's page has gone (closed, reloaded or crashed). */
  on(event: 'close', listener: () => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  start(): void;
}

export interface ContentsLike {
  id: number;
  postMessage(channel: string, message: unknown, transfer?: PortMainLike[]): void;
  send(channel: string, ...args: unknown[]): void;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
  on(event: 'render-process-gone', listener: () => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  getURL(): string;
}

export interface WindowLike {
  webContents: ContentsLike;
  loadURL(url: string): Promise<void>;
  on(event: 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
}
