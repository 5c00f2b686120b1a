import type { CallOptions, Client } from '../../shared/rpc/client';
import type { CoreEvents } from '../../shared/contract/core';
import type { MethodName } from '../../shared/contract/define';
import type {
  HostClient,
  HostContract,
  OpenedFile,
  PrintOutcome,
} from '../../shared/contract/host';
import { IMPORT_BYTES_MAX } from '../../shared/contract/imports';
import type { VaultContract } from '../../shared/contract/vault';
import { AppError } from '../../shared/errors';
import { BACKUP_EXTENSION } from '../../shared/vault/backupFile';

const appInfo = () => ({
  runtime: 'web' as const,
  version: __APP_VERSION__,
  platform: navigator.platform || 'web',
});

/**
 * The browser's own file picker. Called from a click (the page's HostApi answers in the same
 * task), so the browser lets it open; null when the user closes it without a file.
 */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.click();
  });
}

async function pickBackup(): Promise<{ name: string; bytes: Uint8Array } | null> {
  const file = await pickFile(`.${BACKUP_EXTENSION}`);
  return file && { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * The file to import the user chose last, read a part at a time: a File is a handle on the
 * disk file, and a slice of it is read only when asked for.
 */
let importing: { token: string; file: File } | null = null;

async function pickImportFile(): Promise<OpenedFile | null> {
  const file = await pickFile('.csv,.tsv,.txt,.vcf,text/csv,text/vcard');
  if (!file) return null;
  if (file.size > IMPORT_BYTES_MAX) {
    throw new AppError('BAD_FILE', `${file.name} is larger than ${IMPORT_BYTES_MAX / 2 ** 20} MB`, {
      name: file.name,
    });
  }
  importing = { token: crypto.randomUUID(), file };
  return { token: importing.token, name: file.name, size: file.size };
}

async function readFilePart(arg: {
  token: string;
  offset: number;
  length: number;
}): Promise<Uint8Array> {
  if (importing?.token !== arg.token) {
    throw new AppError('NOT_FOUND', 'The file to import is no longer open: choose it again');
  }
  const part = importing.file.slice(arg.offset, arg.offset + arg.length);
  return new Uint8Array(await part.arrayBuffer());
}

/** Browser mode saves by downloading: the file goes to the downloads folder. */
function download(file: { name: string; mime: string; bytes: Uint8Array }): void {
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A page cannot write a PDF file by script: browser mode opens the report in a new tab and
 * brings up the browser's own print dialog there, where the user picks "Save as PDF". The tab
 * prints with the same Chromium engine as the desktop app's printToPDF. Whether the user then
 * saves is not known to the page, so `saved` is false and `openedInBrowser` true.
 */
function openToPrint(html: string): PrintOutcome {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const tab = window.open(url, '_blank');
  if (!tab) {
    URL.revokeObjectURL(url);
    throw new AppError(
      'FORBIDDEN',
      'The browser blocked the report’s tab: allow pop-ups for Comptoir, then try again',
    );
  }
  // The blob stays readable while the tab is open (a reload reads it again).
  const watch = setInterval(() => {
    if (!tab.closed) return;
    clearInterval(watch);
    URL.revokeObjectURL(url);
  }, 5000);
  // Same origin as this page, so the tab keeps its Window when the blob replaces about:blank.
  tab.addEventListener('load', () => tab.print(), { once: true });
  return { saved: false, openedInBrowser: true };
}

/**
 * Browser mode's HostApi. App info and files are answered here; the vault lives in the store worker
 * (so the data key never enters this page), so vault calls and events go through to it.
 */
export function createWebHost(worker: Client<VaultContract, CoreEvents>): HostClient {
  return {
    async send(method, arg, options?: CallOptions) {
      if (method === 'host.appInfo') return appInfo() as never;
      if (method === 'host.openFile') return pickBackup() as never;
      if (method === 'host.openImportFile') return pickImportFile() as never;
      if (method === 'host.readFilePart') {
        return readFilePart(arg as { token: string; offset: number; length: number }) as never;
      }
      // Writing into a folder on a schedule needs the desktop app's main process.
      if (method === 'backups.schedule') return null as never;
      if (method.startsWith('backups.')) {
        throw new AppError('FORBIDDEN', 'Automatic backups need the desktop app');
      }
      if (method === 'host.saveFile') {
        download(arg as { name: string; mime: string; bytes: Uint8Array });
        return { saved: true } as never;
      }
      if (method === 'host.printPdf') return openToPrint((arg as { html: string }).html) as never;
      if (method.startsWith('vault.')) {
        return worker.send(method as MethodName<VaultContract>, arg as never, options) as never;
      }
      throw new AppError('VALIDATION', `Unknown method "${String(method)}"`);
    },
    on(event, listener) {
      return worker.on(event, listener as (payload: CoreEvents[typeof event]) => void);
    },
    close() {},
  } satisfies Client<HostContract, never> as HostClient;
}
