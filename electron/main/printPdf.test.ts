import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { PRINT_HTML_MAX, type HostHandlers } from '../../shared/contract/host';
import { createFileHandlers, type FileDialogs } from './hostFiles';
import { createHostIpcHandler } from './hostIpc';
import {
  MAX_URL_CHARS,
  PRINT_PARTITION,
  createPrintHandler,
  type PrintWindowLike,
} from './printPdf';

const ctx = { signal: new AbortController().signal, progress: () => {} };
const PDF = new TextEncoder().encode('%PDF-1.4 fake');

type RequestFilter = (
  details: { url: string },
  callback: (response: { cancel: boolean }) => void,
) => void;

/** A BrowserWindow as printing uses it: records what it was asked, prints a fixed PDF. */
class FakePrintWindow implements PrintWindowLike {
  static all: FakePrintWindow[] = [];
  static failLoad = false;
  url = '';
  destroyed = false;
  filter: RequestFilter | null = null;
  navigate: ((event: { preventDefault(): void }) => void) | null = null;
  openHandler: (() => { action: string }) | null = null;
  printed: unknown[] = [];
  webContents = {
    session: {
      webRequest: {
        onBeforeRequest: (filter: RequestFilter) => void (this.filter = filter),
      },
    },
    on: (_event: 'will-navigate', listener: (event: { preventDefault(): void }) => void) =>
      void (this.navigate = listener),
    setWindowOpenHandler: (handler: () => { action: 'deny' }) => void (this.openHandler = handler),
    printToPDF: async (options: unknown) => {
      this.printed.push(options);
      return Buffer.from(PDF);
    },
  } as unknown as PrintWindowLike['webContents'];
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakePrintWindow.all.push(this);
  }
  async loadURL(url: string) {
    if (FakePrintWindow.failLoad) throw new Error('ERR_INVALID_URL (-300)');
    this.url = url;
  }
  destroy() {
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Whether the window lets a request through. */
  allows(url: string) {
    let cancelled: boolean | null = null;
    this.filter!({ url }, ({ cancel }) => (cancelled = cancel));
    return cancelled === false;
  }
}

async function printing(answer: { save?: string }) {
  const folder = await mkdtemp(join(tmpdir(), 'comptoir-print-'));
  const asked: { defaultPath?: string }[] = [];
  const dialog = {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async (options: { defaultPath?: string }) => {
      asked.push(options);
      // The PDF is made, and its window gone, before the user is asked where to put it.
      expect(FakePrintWindow.all.every((w) => w.destroyed)).toBe(true);
      return answer.save
        ? { canceled: false, filePath: join(folder, answer.save) }
        : { canceled: true };
    },
  } as unknown as FileDialogs;
  const files = createFileHandlers(dialog, { downloads: () => folder });
  const print = createPrintHandler(FakePrintWindow, files['host.saveFile'])['host.printPdf'];
  return { folder, asked, print, files };
}

beforeEach(() => {
  FakePrintWindow.all = [];
  FakePrintWindow.failLoad = false;
});

describe('host.printPdf in the desktop app', () => {
  const html =
    '<!doctype html><title>Rapport clients</title><p>Chiffre d’affaires : 1 234,56 €</p>';

  it('prints in a hidden window that runs no script and loads nothing else, then saves where the user chose', async () => {
    const { folder, asked, print } = await printing({ save: 'rapport.pdf' });
    expect(await print({ name: 'comptoir-report.pdf', html }, ctx)).toEqual({
      saved: true,
      openedInBrowser: false,
    });
    expect(FakePrintWindow.all).toHaveLength(1);
    const window = FakePrintWindow.all[0]!;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      partition: PRINT_PARTITION,
    });
    expect(window.options.webPreferences?.preload).toBeUndefined();
    expect(window.options.webPreferences?.partition).not.toMatch(/^persist:/);
    // The document itself, as a data URL, accents intact.
    const prefix = 'data:text/html;charset=utf-8;base64,';
    expect(window.url.startsWith(prefix)).toBe(true);
    expect(Buffer.from(window.url.slice(prefix.length), 'base64').toString('utf8')).toBe(html);
    // Nothing but data is fetched, nothing navigates, nothing opens.
    expect(window.allows(window.url)).toBe(true);
    expect(window.allows('https://example.com/x.png')).toBe(false);
    expect(window.allows('file:///etc/passwd')).toBe(false);
    expect(window.allows('comptoir://ui/index.html')).toBe(false);
    let prevented = false;
    window.navigate!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window.openHandler!()).toEqual({ action: 'deny' });
    expect(window.printed).toEqual([
      {
        pageSize: 'A4',
        printBackground: true,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
      },
    ]);
    expect(window.destroyed).toBe(true);
    expect(asked[0]?.defaultPath).toBe(join(folder, 'comptoir-report.pdf'));
    expect(new Uint8Array(await readFile(join(folder, 'rapport.pdf')))).toEqual(PDF);
    expect(await readdir(folder)).toEqual(['rapport.pdf']);
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    const { folder, print } = await printing({});
    expect(await print({ name: 'r.pdf', html }, ctx)).toEqual({
      saved: false,
      openedInBrowser: false,
    });
    expect(FakePrintWindow.all[0]!.destroyed).toBe(true);
    expect(await readdir(folder)).toEqual([]);
  });

  it('closes the window and says so clearly when the page cannot load', async () => {
    const { asked, print } = await printing({ save: 'r.pdf' });
    FakePrintWindow.failLoad = true;
    await expect(print({ name: 'r.pdf', html }, ctx)).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'Could not print the report to PDF',
      details: { reason: 'ERR_INVALID_URL (-300)' },
    });
    expect(FakePrintWindow.all[0]!.destroyed).toBe(true);
    expect(asked).toHaveLength(0);
  });

  it('refuses a report whose data URL Chromium would not load, before opening a window', async () => {
    const { print } = await printing({ save: 'r.pdf' });
    // 1.2 million 'é' are 2.4 MB of UTF-8: within the contract's characters, over the URL limit.
    const heavy = 'é'.repeat(1_200_000);
    expect(heavy.length).toBeLessThanOrEqual(PRINT_HTML_MAX);
    expect(Buffer.byteLength(heavy) * (4 / 3)).toBeGreaterThan(MAX_URL_CHARS);
    await expect(print({ name: 'r.pdf', html: heavy }, ctx)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(FakePrintWindow.all).toHaveLength(0);
  });

  it('checks the argument against the contract before printing anything', async () => {
    const { print, files } = await printing({ save: 'r.pdf' });
    const handle = createHostIpcHandler(
      { ...files, 'host.printPdf': print } as unknown as HostHandlers,
      () => true,
    );
    const call = (arg: unknown) => handle({} as never, { method: 'host.printPdf', arg });
    for (const arg of [
      { name: 'r.pdf', html: 'x'.repeat(PRINT_HTML_MAX + 1) },
      { name: '', html },
      { name: 'r.pdf', html: 42 },
      { name: 'r.pdf', html, script: 'alert(1)' },
    ]) {
      expect(await call(arg)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(FakePrintWindow.all).toHaveLength(0);
    expect(await call({ name: 'r.pdf', html })).toEqual({
      ok: true,
      value: { saved: true, openedInBrowser: false },
    });
  });
});
