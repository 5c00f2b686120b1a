import { EventEmitter } from 'node:events';
import { basename, join } from 'node:path';
import type {
  BrowserWindowConstructorOptions,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import { DoubleChannel } from './ports';
import { DoubleWindow, type WindowHost } from './windows';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** What a test answers the system's dialogs, and sees of them. */
export class DialogAnswers {
  /** The next files the user picks in an open dialog; empty: the user cancels. */
  readonly open: string[] = [];
  /** Where the user saves next; empty: they accept the suggested name in Downloads. */
  readonly save: string[] = [];
  readonly asked: { kind: 'open' | 'save'; options: unknown }[] = [];
  readonly saved: string[] = [];
}

/**
 * Electron's module as main sees it, for main's bundled code to run in Node: `app`, windows
 * whose pages are Chromium pages, `ipcMain`, MessagePorts that carry real messages, dialogs a
 * test answers, a keychain, the power monitor, the app's scheme. What it cannot prove is in
 * test/desktop/README.md.
 */
export function electronDouble(
  host: WindowHost,
  paths: { userData: string; downloads: string },
  dialogs: DialogAnswers,
) {
  const appEvents = new EventEmitter();
  const switches = new Map<string, string>();
  const ipcHandlers = new Map<string, Handler>();
  const protocols = new Map<string, (request: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const state = { quitCalls: 0, menu: null as unknown, permissionsDenied: false };

  const app = {
    isPackaged: false,
    name: 'Comptoir',
    commandLine: {
      appendSwitch: (name: string, value = '') => void switches.set(name, value),
      hasSwitch: (name: string) => switches.has(name),
      getSwitchValue: (name: string) => switches.get(name) ?? '',
    },
    requestSingleInstanceLock: () => true,
    whenReady: () => whenReady,
    quit: () => void state.quitCalls++,
    exit: () => void state.quitCalls++,
    on: (event: string, listener: (...args: unknown[]) => void) => appEvents.on(event, listener),
    getPath: (name: string) => (name === 'downloads' ? paths.downloads : paths.userData),
    getVersion: () => '0.1.0',
  };

  class BrowserWindow extends DoubleWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(host, options);
    }
  }

  const pick = (args: unknown[]) => (args.length > 1 ? args[1] : args[0]);
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      const options = pick(args) as OpenDialogOptions;
      dialogs.asked.push({ kind: 'open', options });
      const path = dialogs.open.shift();
      return path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (...args: unknown[]) => {
      const options = pick(args) as SaveDialogOptions;
      dialogs.asked.push({ kind: 'save', options });
      const filePath =
        dialogs.save.shift() ?? join(paths.downloads, basename(options.defaultPath ?? 'file'));
      dialogs.saved.push(filePath);
      return { canceled: false, filePath };
    },
  };

  // The OS keychain: a reversible wrap, as good as a keychain for what main does with it.
  const sealed = 'twin-keychain:';
  const safeStorage = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (text: string) => Buffer.from(sealed + Buffer.from(text).toString('base64')),
    decryptString: (data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith(sealed)) throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(text.slice(sealed.length), 'base64').toString();
    },
  };

  const module = {
    app,
    BrowserWindow,
    MessageChannelMain: DoubleChannel,
    ipcMain: {
      handle: (channel: string, handler: Handler) => void ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
    dialog,
    safeStorage,
    powerMonitor: new EventEmitter(),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        void protocols.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => void (state.permissionsDenied = true),
        setPermissionCheckHandler: () => undefined,
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ items: template }),
      setApplicationMenu: (menu: unknown) => void (state.menu = menu),
    },
  };

  return {
    module,
    state,
    switches,
    privileged,
    protocols,
    appEvents,
    ready,
    invoke(event: unknown, channel: string, args: unknown[]) {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, ...args);
    },
  };
}

export type ElectronDouble = ReturnType<typeof electronDouble>;
