import type * as Electron from 'electron';
import type { HostHandlers } from '../../shared/contract/host';
import { AppError } from '../../shared/errors';

/** Chromium refuses to load a longer URL (content::kMaxURLChars): a data URL must fit. */
export const MAX_URL_CHARS = 2 * 1024 * 1024;

/** An in-memory session of its own: its request filter reaches the print windows only. */
export const PRINT_PARTITION = 'comptoir-print';

/**
 * The same A4 sheet and margins as Playwright's `page.pdf({ format: 'A4', printBackground:
 * true })` in the e2e test (margins 0: the report's `@page` rule sets its own), so the PDF
 * tested in browser mode is the one the desktop app writes.
 */
export const PDF_OPTIONS: Electron.PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
};

/** What printing uses of a BrowserWindow (Electron's own satisfies it). */
export interface PrintWindowLike {
  webContents: {
    session: { webRequest: Pick<Electron.WebRequest, 'onBeforeRequest'> };
    on(event: 'will-navigate', listener: (event: { preventDefault(): void }) => void): unknown;
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
    printToPDF(options: Electron.PrintToPDFOptions): Promise<Uint8Array>;
  };
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

export type PrintWindowConstructor = new (
  options: Electron.BrowserWindowConstructorOptions,
) => PrintWindowLike;

/**
 * The HTML printed to PDF by Chromium in a hidden window that runs no script, has no preload
 * and loads nothing but the document it was given: every request that is not a data URL (which
 * carries its own bytes) is cancelled, navigation and new windows are refused.
 */
export async function printHtmlToPdf(
  BrowserWindow: PrintWindowConstructor,
  html: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  if (url.length > MAX_URL_CHARS) {
    throw new AppError('VALIDATION', 'The report is too large to print', {
      problems: [{ path: ['html'], rule: 'tooLong' }],
    });
  }
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      partition: PRINT_PARTITION,
    },
  });
  try {
    const contents = window.webContents;
    contents.session.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !details.url.startsWith('data:') }),
    );
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    await window.loadURL(url);
    // A copy: Electron hands a Node Buffer, which may sit in a shared pool.
    return new Uint8Array(await contents.printToPDF(PDF_OPTIONS));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INTERNAL', 'Could not print the report to PDF', {
      reason: error instanceof Error ? error.message : String(error),
    });
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

/**
 * `host.printPdf` in the desktop app: the PDF is made first, its window gone, then the save
 * dialog and the write are `host.saveFile`'s (Downloads first, no half-written file).
 */
export function createPrintHandler(
  BrowserWindow: PrintWindowConstructor,
  saveFile: HostHandlers['host.saveFile'],
): Pick<HostHandlers, 'host.printPdf'> {
  return {
    'host.printPdf': async ({ name, html }, ctx) => {
      const bytes = await printHtmlToPdf(BrowserWindow, html);
      const { saved } = await saveFile({ name, mime: 'application/pdf', bytes }, ctx);
      return { saved, openedInBrowser: false };
    },
  };
}
