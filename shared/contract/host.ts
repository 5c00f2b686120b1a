import { z } from 'zod';
import type { Client } from '../rpc/client';
import { method, type HandlersOf } from './define';
import { IMPORT_BYTES_MAX, IMPORT_PART_BYTES } from './imports';
import { backupsContract } from './backups';
import { vaultContract, type VaultStatus } from './vault';

export interface AppInfo {
  runtime: 'electron' | 'web';
  version: string;
  platform: string;
}

/** What only the host (Electron main, or the web host in browser mode) can do. */
/** A backup file the user chose, read whole (capped at BACKUP_BYTES_MAX). */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file to import the user chose: the host keeps it open and hands it out in parts. */
export interface OpenedFile {
  /** Names the file in `host.readFilePart`; only the last file opened can be read. */
  token: string;
  name: string;
  size: number;
}

/** Files written by the app (exports, error files, backups): a little over the import cap. */
export const SAVE_BYTES_MAX = 512 * 1024 * 1024;

/**
 * A report to print, as one HTML document. Main loads it as a base64 data URL, and Chromium
 * refuses a URL over 2 MiB: 1.5 million characters of ASCII make 2,000,000 (see printPdf.ts).
 */
export const PRINT_HTML_MAX = 1_500_000;

/** What became of a report to print. */
export interface PrintOutcome {
  /** The desktop app printed it to a PDF and wrote it where the user chose. */
  saved: boolean;
  /** Browser mode opened it in a tab with the browser's print dialog (Save as PDF there). */
  openedInBrowser: boolean;
}

export const hostContract = {
  'host.appInfo': method<AppInfo>()(z.strictObject({})),
  /** The system's open dialog (browser mode: the browser's); null when the user cancels. */
  'host.openFile': method<PickedFile | null>()(z.strictObject({ purpose: z.enum(['backup']) })),
  /** The open dialog for a CSV or vCard file, kept open to be read in parts; null: cancelled. */
  'host.openImportFile': method<OpenedFile | null>()(z.strictObject({})),
  /** Bytes of the file `host.openImportFile` gave (fewer at its end). */
  'host.readFilePart': method<Uint8Array<ArrayBuffer>>()(
    z.strictObject({
      token: z.string().min(1).max(64),
      offset: z.number().int().min(0).max(IMPORT_BYTES_MAX),
      length: z.number().int().min(1).max(IMPORT_PART_BYTES),
    }),
  ),
  /** The system's save dialog, then the bytes written (browser mode: a download). */
  'host.saveFile': method<{ saved: boolean }>()(
    z.strictObject({
      name: z.string().trim().min(1).max(255),
      mime: z.string().max(120),
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength <= SAVE_BYTES_MAX, { error: 'tooLong' }),
    }),
  ),
  /**
   * A self-contained HTML report printed to an A4 PDF, then the save dialog and the file
   * written as `host.saveFile` does (browser mode: the report in a new tab, to print there).
   */
  'host.printPdf': method<PrintOutcome>()(
    z.strictObject({
      name: z.string().trim().min(1).max(255),
      html: z.string().min(1).max(PRINT_HTML_MAX, { error: 'tooLong' }),
    }),
  ),
  ...vaultContract,
  ...backupsContract,
};

export type HostContract = typeof hostContract;
export type HostHandlers = HandlersOf<HostContract>;

export interface HostEvents {
  [event: string]: unknown;
  'vault.changed': VaultStatus;
}
export type HostClient = Client<HostContract, HostEvents>;
/** Method names, so the preload can expose one named function each. */
export const HOST_METHODS = Object.keys(hostContract) as (keyof HostContract)[];
