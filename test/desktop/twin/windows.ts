import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { decode, encode } from './codec';
import { pageShim, type ShimConfig } from './pageShim';
import type { DoublePort, PortHome } from './ports';

/** A problem a page showed: any of these fails the test that saw it. */
export interface PageProblem {
  window: string;
  type: string;
  text: string;
}

/** What a window double needs from the twin that owns it. */
export interface WindowHost {
  context(options: BrowserWindowConstructorOptions): Promise<BrowserContext>;
  toPageUrl(appUrl: string): string;
  toAppUrl(pageUrl: string): string;
  invoke(contents: DoubleContents, frameUrl: string, channel: string, args: unknown[]): unknown;
  problem(problem: PageProblem): void;
}

type Delivery =
  | { kind: 'ipc'; channel: string; args: string; portIds: number[] }
  | { kind: 'port'; portId: number; data: string }
  | { kind: 'close'; portId: number }
  | { kind: 'reply'; id: number; ok: boolean; value: string };

let nextId = 1;
let nextPortId = 1;
const BINDING = '__comptoirTwin';

/** The pages of the twin, by page: the binding answers the window whose page called it. */
export const windowsByPage = new WeakMap<Page, DoubleWindow>();

/** webContents of the double: its page, its events, its IPC. */
export class DoubleContents extends EventEmitter implements PortHome {
  readonly id = nextId++;
  readonly hook = `__twin_${randomBytes(8).toString('hex')}`;
  page: Page | null = null;
  /** Ports posted into the page, by the id the page knows them by. */
  private ports = new Map<number, DoublePort>();
  private outbox: Delivery[] = [];
  private flushing = false;
  private openHandler: (() => { action: string }) | null = null;
  private requestFilter:
    ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null = null;
  /** Navigations main asked for (loadURL), as opposed to ones the page starts itself. */
  expectedNavigation = false;
  destroyed = false;

  constructor(
    private readonly host: WindowHost,
    readonly label: string,
  ) {
    super();
  }

  readonly session = {
    webRequest: {
      onBeforeRequest: (
        listener: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void,
      ) => {
        this.requestFilter = listener;
      },
    },
  };

  postMessage(channel: string, message: unknown, transfer: DoublePort[] = []): void {
    const portIds = transfer.map((port) => {
      const portId = nextPortId++;
      this.ports.set(portId, port);
      port.moveTo(this, portId);
      return portId;
    });
    this.push({ kind: 'ipc', channel, args: encode([message]), portIds });
  }

  send(channel: string, ...args: unknown[]): void {
    this.push({ kind: 'ipc', channel, args: encode(args), portIds: [] });
  }

  deliver(portId: number, encoded: string): void {
    this.push({ kind: 'port', portId, data: encoded });
  }

  close(portId: number): void {
    this.ports.delete(portId);
    this.push({ kind: 'close', portId });
  }

  reply(id: number, ok: boolean, value: unknown): void {
    this.push({ kind: 'reply', id, ok, value: encode(value) });
  }

  fromPagePort(portId: number, encoded: string): void {
    this.ports.get(portId)?.fromPage(encoded);
  }

  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.openHandler = handler;
  }

  getURL(): string {
    return this.page ? this.host.toAppUrl(this.page.url()) : '';
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  async reload(): Promise<void> {
    this.expectedNavigation = true;
    await this.page?.reload();
  }

  async printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> {
    const m = options.margins ?? {};
    return this.page!.pdf({
      format: options.pageSize === 'A4' ? 'A4' : 'Letter',
      printBackground: options.printBackground ?? false,
      margin: {
        top: `${m.top ?? 0}in`,
        bottom: `${m.bottom ?? 0}in`,
        left: `${m.left ?? 0}in`,
        right: `${m.right ?? 0}in`,
      },
    });
  }

  /** Wires a new page: the preload (if any) as an init script, events, navigation rules. */
  async attach(page: Page, preload: string | undefined): Promise<void> {
    this.page = page;
    if (preload) {
      const config: ShimConfig = { binding: BINDING, hook: this.hook };
      const source = readFileSync(preload, 'utf8');
      await page.addInitScript(
        `(${pageShim.toString()})(${JSON.stringify(config)}, function (require, module, exports) {\n${source}\n});`,
      );
    }
    page.on('console', (message) => {
      if (message.type() === 'error') {
        this.host.problem({ window: this.label, type: 'console', text: message.text() });
      }
    });
    page.on('pageerror', (error) =>
      this.host.problem({
        window: this.label,
        type: 'pageerror',
        text: String(error.stack ?? error),
      }),
    );
    page.on('crash', () => this.emit('render-process-gone', {}, { reason: 'crashed' }));
    page.on('load', () => this.emit('did-finish-load'));
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      // A new document: the ports the old one held are gone with it.
      for (const port of this.ports.values()) port.pageGone();
      this.ports.clear();
      this.outbox = this.outbox.filter((d) => d.kind === 'ipc' && d.portIds.length === 0);
    });
    page.on('popup', (popup) => {
      const decision = this.openHandler?.() ?? { action: 'allow' };
      if (decision.action === 'deny') void popup.close();
      this.host.problem({ window: this.label, type: 'popup', text: `window.open ${popup.url()}` });
    });
    await page.route('**/*', async (route) => {
      const request = route.request();
      const url = request.url();
      if (this.requestFilter) {
        const verdict = await new Promise<{ cancel: boolean }>((resolve) =>
          this.requestFilter!({ url }, resolve),
        );
        if (verdict.cancel) return route.abort('blockedbyclient');
      }
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        // A reload (the same URL again) is no navigation to Electron: will-navigate is not told.
        if (!this.expectedNavigation && url !== page.url()) {
          let prevented = false;
          this.emit('will-navigate', { preventDefault: () => (prevented = true), url });
          if (prevented) return route.abort('blockedbyclient');
        }
        this.expectedNavigation = false;
      }
      return route.continue();
    });
  }

  private push(delivery: Delivery): void {
    this.outbox.push(delivery);
    if (!this.flushing) {
      this.flushing = true;
      setImmediate(() => void this.flush());
    }
  }

  /** One evaluate at a time, in order: messages arrive in the order they were sent. */
  private async flush(): Promise<void> {
    while (this.outbox.length > 0 && this.page && !this.destroyed) {
      const batch = this.outbox.splice(0);
      try {
        await this.page.evaluate(
          ([hook, deliveries]) =>
            (window as unknown as Record<string, (d: unknown) => void>)[hook]?.(deliveries),
          [this.hook, batch] as const,
        );
      } catch {
        // The page is navigating or gone: what it was sent is lost with it, as in Electron.
      }
    }
    this.flushing = false;
  }
}

/** BrowserWindow's double: one Chromium page, created when the window is. */
export class DoubleWindow extends EventEmitter {
  static all: DoubleWindow[] = [];
  readonly webContents: DoubleContents;
  readonly ready: Promise<Page>;
  shown = false;
  minimized = false;
  private destroyed = false;

  constructor(
    private readonly host: WindowHost,
    readonly options: BrowserWindowConstructorOptions,
  ) {
    super();
    DoubleWindow.all.push(this);
    const preload = options.webPreferences?.preload;
    const label = preload?.match(/(\w+)\.cjs$/)?.[1] ?? 'print';
    this.webContents = new DoubleContents(host, label);
    this.ready = host.context(options).then(async (context) => {
      const page = await context.newPage();
      windowsByPage.set(page, this);
      await this.webContents.attach(page, preload);
      page.on('close', () => {
        this.destroyed = true;
        this.webContents.destroyed = true;
        this.emit('closed');
      });
      return page;
    });
    this.ready.catch(() => undefined);
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.ready;
    this.webContents.expectedNavigation = true;
    await page.goto(this.host.toPageUrl(url), { waitUntil: 'load' });
    if (!this.shownOnce) {
      this.shownOnce = true;
      this.emit('ready-to-show');
    }
  }

  private shownOnce = false;

  show(): void {
    this.shown = true;
  }
  focus(): void {}
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    void this.ready.then((page) => page.close());
  }
  close(): void {
    this.destroy();
  }
}

/** The binding every twin page calls: IPC invokes, port messages, problems. */
export async function onBinding(host: WindowHost, page: Page, kind: string, payload: string) {
  const window = windowsByPage.get(page);
  if (!window) return;
  const contents = window.webContents;
  const message = decode(payload) as Record<string, unknown>;
  if (kind === 'port') {
    contents.fromPagePort(message.portId as number, message.data as string);
  } else if (kind === 'problem') {
    host.problem({
      window: contents.label,
      type: String(message.type),
      text: String(message.text),
    });
  } else if (kind === 'invoke') {
    const id = message.id as number;
    try {
      const value = await host.invoke(
        contents,
        host.toAppUrl(page.url()),
        message.channel as string,
        message.args as unknown[],
      );
      contents.reply(id, true, value);
    } catch (error) {
      contents.reply(id, false, error instanceof Error ? error.message : String(error));
    }
  }
}
