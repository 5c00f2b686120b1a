import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import type { ElectronDeps, PortMainLike } from '../deps';

type Listener = (...args: never[]) => unknown;

class Emitter {
  private listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  off(event: string, listener: Listener) {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => unknown)(...args);
  }
  count(event: string) {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** MessagePortMain: messages are structured-cloned and delivered to the peer on a later task. */
export class FakePort extends Emitter implements PortMainLike {
  peer!: FakePort;
  started = false;
  postMessage(message: unknown) {
    const data = structuredClone(message);
    setTimeout(() => this.peer.emit('message', { data, ports: [] }), 0);
  }
  start() {
    this.started = true;
  }
  /** As MessagePortMain: both ends hear 'close' when either is closed or its page goes. */
  close() {
    setTimeout(() => {
      this.emit('close');
      this.peer.emit('close');
    }, 0);
  }
}

export class FakeChannel {
  port1 = new FakePort();
  port2 = new FakePort();
  constructor() {
    this.port1.peer = this.port2;
    this.port2.peer = this.port1;
  }
}

let nextContentsId = 1;
export class FakeContents extends Emitter {
  id = nextContentsId++;
  url = '';
  sent: { channel: string; args: unknown[] }[] = [];
  posted: { channel: string; message: unknown; ports: FakePort[] }[] = [];
  openHandler: (() => { action: string }) | null = null;
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  postMessage(channel: string, message: unknown, transfer: FakePort[] = []) {
    this.posted.push({ channel, message, ports: transfer });
  }
  setWindowOpenHandler(handler: () => { action: 'deny' }) {
    this.openHandler = handler;
  }
  getURL() {
    return this.url;
  }
}

export class FakeWindow extends Emitter {
  static all: FakeWindow[] = [];
  webContents = new FakeContents();
  shown = false;
  focused = 0;
  minimized = false;
  restored = 0;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.all.push(this);
  }
  loads: string[] = [];
  async loadURL(url: string) {
    this.loads.push(url);
    this.webContents.url = url;
    // The page loads on a later task, as in Electron.
    setTimeout(() => {
      this.emit('ready-to-show');
      this.webContents.emit('did-finish-load');
    }, 0);
  }
  show() {
    this.shown = true;
  }
  focus() {
    this.focused++;
  }
  restore() {
    this.restored++;
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return false;
  }
}

export interface FakeElectron {
  deps: ElectronDeps;
  app: Emitter & { quitCalls: number; gotLock: boolean; userData: string };
  /** The application menu main set, as its template; null while Electron's default stands. */
  menu: { template: MenuItemConstructorOptions[] | null };
  ipc: Map<string, (...args: never[]) => unknown>;
  power: Emitter;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  permissions: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: () => boolean;
  };
  keychain: { available: boolean; backend: string };
}

/** A small fake of exactly the Electron APIs main uses. */
export function fakeElectron(options: {
  userData: string;
  gotLock?: boolean;
  backend?: string;
  packaged?: boolean;
}) {
  FakeWindow.all = [];
  const app = Object.assign(new Emitter(), {
    quitCalls: 0,
    gotLock: options.gotLock ?? true,
    userData: options.userData,
  });
  const ipc = new Map<string, (...args: never[]) => unknown>();
  const power = new Emitter();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const permissions: FakeElectron['permissions'] = {};
  const keychain = { available: true, backend: options.backend ?? 'gnome_libsecret' };
  const menu: FakeElectron['menu'] = { template: null };
  const deps = {
    app: {
      requestSingleInstanceLock: () => app.gotLock,
      quit: () => void app.quitCalls++,
      on: (event: string, listener: Listener) => app.on(event, listener),
      whenReady: async () => undefined,
      getPath: () => app.userData,
      getVersion: () => '0.1.0',
      isPackaged: options.packaged ?? false,
    },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
      setApplicationMenu: (built: { template: MenuItemConstructorOptions[] } | null) =>
        void (menu.template = built?.template ?? null),
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, handler: Listener) => void ipc.set(channel, handler) },
    // The user cancels every dialog unless a test says otherwise (see hostFiles.test.ts).
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    MessageChannelMain: FakeChannel,
    safeStorage: {
      isEncryptionAvailable: () => keychain.available,
      getSelectedStorageBackend: () => keychain.backend,
      encryptString: (text: string) => Buffer.from(`sealed:${text}`),
      decryptString: (sealed: Buffer) => sealed.toString().replace(/^sealed:/, ''),
    },
    powerMonitor: { on: (event: string, listener: Listener) => power.on(event, listener) },
    protocol: {
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        void protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: FakeElectron['permissions']['request']) =>
          void (permissions.request = handler),
        setPermissionCheckHandler: (handler: () => boolean) => void (permissions.check = handler),
      },
    },
    platform: 'linux' as const,
  } as unknown as ElectronDeps;
  return {
    deps,
    app,
    ipc,
    power,
    protocolHandlers,
    permissions,
    keychain,
    menu,
  } satisfies FakeElectron;
}
