import type { Outcome } from '../rpc/dispatch';
import type { HostContract } from './host';

/**
 * What the desktop app's preload exposes to the UI window as `window.comptoir`: one named
 * function per HostApi method, and a subscription to host events. Never ipcRenderer itself.
 */
export interface ComptoirBridge {
  host: { [M in keyof HostContract]: (arg: unknown) => Promise<Outcome> };
  onHostEvent(listener: (message: { event: string; payload: unknown }) => void): () => void;
}

/** ipcMain.handle channel for HostApi calls, and the channel main pushes host events on. */
export const HOST_CHANNEL = 'comptoir:host';
export const HOST_EVENT_CHANNEL = 'comptoir:host-event';
/** Messages that carry a MessagePort from main, through a preload, into a page. */
export const CORE_PORT_MESSAGE = 'comptoir:core-port';
export const HOST_PORT_MESSAGE = 'comptoir:host-port';

/**
 * HostApi's method names without its schemas, so the preload stays small (no zod). A Record
 * over the contract's keys: the compiler rejects a missing or unknown name.
 */
const HOST_METHOD_SET: Record<keyof HostContract, true> = {
  'host.appInfo': true,
  'host.openFile': true,
  'host.openImportFile': true,
  'host.readFilePart': true,
  'host.saveFile': true,
  'host.printPdf': true,
  'vault.status': true,
  'vault.judge': true,
  'vault.create': true,
  'vault.unlock': true,
  'vault.unlockRemembered': true,
  'vault.recover': true,
  'vault.changePassphrase': true,
  'vault.newRecoveryKey': true,
  'vault.recoveryKeySaved': true,
  'vault.forgetDevice': true,
  'vault.keptBackups': true,
  'vault.keptBackup': true,
  'vault.setAutoLock': true,
  'vault.lock': true,
  'vault.backup': true,
  'vault.previewBackup': true,
  'vault.restoreBackup': true,
  'backups.schedule': true,
  'backups.setSchedule': true,
  'backups.chooseFolder': true,
  'backups.runNow': true,
};
export const HOST_METHOD_NAMES = Object.keys(HOST_METHOD_SET) as (keyof HostContract)[];
