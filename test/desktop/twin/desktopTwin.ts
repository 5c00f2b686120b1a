import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { BrowserWindowConstructorOptions } from 'electron';
import { appChromiumLaunch } from '../../chromium.mjs';
import { DialogAnswers, electronDouble, type ElectronDouble } from './electronDouble';
import {
  DoubleWindow,
  onBinding,
  type DoubleContents,
  type PageProblem,
  type WindowHost,
} from './windows';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = join(repo, 'out/main/main.cjs');
const APP_HOSTS = ['ui', 'store'] as const;
type AppHost = (typeof APP_HOSTS)[number];

export interface TwinOptions {
  /** A profile and user-data folder from an earlier launch: a relaunch of the same laptop. */
  laptop?: TwinLaptop;
  locale?: string;
  viewport?: { width: number; height: number };
}

/** What stays on the laptop between launches: Chromium's profile, main's folder, the origins. */
export interface TwinLaptop {
  profile: string;
  userData: string;
  downloads: string;
  ports: Record<AppHost, number>;
}

// main.cjs does `require('electron')`: the running twin's double answers it.
let current: ElectronDouble | null = null;
const moduleWithLoad = Module as unknown as {
  _load: (request: string, parent: unknown, isMain: boolean) => unknown;
};
const originalLoad = moduleWithLoad._load;
moduleWithLoad._load = function (request, parent, isMain) {
  if (request === 'electron' && current) return current.module;
  return originalLoad.call(this, request, parent, isMain);
};

let launchOptions: Promise<Awaited<ReturnType<typeof appChromiumLaunch>>> | null = null;

/**
 * The desktop twin: main's bundled code (out/main/main.cjs) runs here in Node against the
 * Electron double; its two windows are Chromium pages served, by a local server, exactly what
 * main's comptoir:// handler answers (headers and CSP included); each page gets its preload
 * bundle (out/preload/*.cjs) before its own scripts. Only Electron's runtime is missing.
 */
export class DesktopTwin {
  readonly problems: PageProblem[] = [];
  private constructor(
    readonly laptop: TwinLaptop,
    readonly dialogs: DialogAnswers,
    readonly electron: ElectronDouble,
    private readonly context: BrowserContext,
    private readonly servers: Server[],
    private readonly extras: { print: Browser | null },
  ) {}

  static async launch(options: TwinOptions = {}): Promise<DesktopTwin> {
    if (current) throw new Error('One desktop twin at a time in a test worker');
    const laptop = options.laptop ?? newLaptop();
    let twin: DesktopTwin | null = null;
    const problems: PageProblem[] = [];
    const extras: { print: Browser | null } = { print: null };
    const servers = new Map<AppHost, { server: Server; port: number }>();
    let context: BrowserContext | null = null;

    const host: WindowHost = {
      context: async (windowOptions: BrowserWindowConstructorOptions) => {
        if (!windowOptions.webPreferences?.partition) return context!;
        // A window with a session of its own (the print window): a context of its own.
        extras.print ??= await chromium.launch(
          await (launchOptions ??= appChromiumLaunch(chromium)),
        );
        return extras.print.newContext({
          javaScriptEnabled: windowOptions.webPreferences.javascript !== false,
        });
      },
      toPageUrl: (appUrl) => {
        const url = new URL(appUrl);
        if (url.protocol === 'data:') return appUrl;
        const server = servers.get(url.hostname as AppHost);
        if (url.protocol !== 'comptoir:' || !server)
          throw new Error(`The twin cannot load ${appUrl}`);
        return `http://127.0.0.1:${server.port}${url.pathname}${url.search}`;
      },
      toAppUrl: (pageUrl) => {
        if (!pageUrl.startsWith('http://127.0.0.1:')) return pageUrl;
        const url = new URL(pageUrl);
        const name = [...servers].find(([, s]) => String(s.port) === url.port)?.[0];
        return name ? `comptoir://${name}${url.pathname}${url.search}` : pageUrl;
      },
      invoke: (contents: DoubleContents, frameUrl, channel, args) =>
        double.invoke({ sender: contents, senderFrame: { url: frameUrl } }, channel, args),
      problem: (problem) => (twin ? twin.problems : problems).push(problem),
    };
    const dialogs = new DialogAnswers();
    const double = electronDouble(
      host,
      { userData: laptop.userData, downloads: laptop.downloads },
      dialogs,
    );

    // main's own code, as bundled: it registers the scheme and waits for `ready`.
    current = double;
    DoubleWindow.all = [];
    const require = createRequire(import.meta.url);
    delete require.cache[MAIN];
    require(MAIN);

    // Each app host on a port of its own: two origins, as comptoir://ui and comptoir://store.
    for (const name of APP_HOSTS) {
      const server = createServer((request, response) => {
        const handler = double.protocols.get('comptoir');
        if (!handler) {
          response.writeHead(503).end('The app scheme has no handler yet');
          return;
        }
        void handler(new Request(`comptoir://${name}${request.url}`, { method: request.method }))
          .then(async (answer) => {
            response.writeHead(answer.status, Object.fromEntries(answer.headers));
            response.end(Buffer.from(await answer.arrayBuffer()));
          })
          .catch((error: unknown) => response.writeHead(500).end(String(error)));
      });
      const port = await new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(laptop.ports[name], '127.0.0.1', () =>
          resolve((server.address() as AddressInfo).port),
        );
      });
      laptop.ports[name] = port;
      servers.set(name, { server, port });
    }

    const launch = await (launchOptions ??= appChromiumLaunch(chromium));
    context = await chromium.launchPersistentContext(laptop.profile, {
      ...launch,
      args: [...launch.args, ...otherSwitches(double)],
      locale: options.locale ?? 'en-GB',
      viewport: options.viewport ?? { width: 1280, height: 900 },
    });
    await context.exposeBinding('__comptoirTwin', ({ page }, kind: string, payload: string) =>
      onBinding(host, page, kind, payload),
    );
    // Chromium's first blank tab is no window of the app.
    for (const page of context.pages()) await page.close();

    twin = new DesktopTwin(
      laptop,
      dialogs,
      double,
      context,
      [...servers.values()].map((s) => s.server),
      extras,
    );
    twin.problems.push(...problems);
    double.ready();
    return twin;
  }

  /** The window whose preload is `ui` or `store`, once main has loaded its page. */
  async window(label: 'ui' | 'store', timeout = 30_000): Promise<Page> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const window = DoubleWindow.all.find((w) => w.webContents.label === label);
      const page = window?.webContents.page;
      if (page && page.url().startsWith('http://127.0.0.1:')) return page;
      if (Date.now() > deadline) throw new Error(`main opened no ${label} window in ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  ui(): Promise<Page> {
    return this.window('ui');
  }

  /** Quits the app as a user closes its window; the laptop (profile, key file) stays. */
  async close(): Promise<void> {
    try {
      await this.context.close();
      await this.extras.print?.close();
    } finally {
      await Promise.all(this.servers.map((s) => new Promise((resolve) => s.close(resolve))));
      current = null;
    }
  }
}

function newLaptop(): TwinLaptop {
  const root = mkdtempSync(join(tmpdir(), 'comptoir-twin-'));
  const laptop = {
    profile: join(root, 'chromium-profile'),
    userData: join(root, 'user-data'),
    downloads: join(root, 'Downloads'),
    ports: { ui: 0, store: 0 },
  };
  for (const folder of [laptop.userData, laptop.downloads]) mkdirSync(folder, { recursive: true });
  return laptop;
}

/**
 * Switches main set before `ready` other than --disable-features, which the launch already
 * carries (appChromiumLaunch reads the same list main uses).
 */
function otherSwitches(double: ElectronDouble): string[] {
  return [...double.switches]
    .filter(([name]) => name !== 'disable-features')
    .map(([name, value]) => (value ? `--${name}=${value}` : `--${name}`));
}
