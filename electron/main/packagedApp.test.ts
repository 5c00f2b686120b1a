import type { MenuItemConstructorOptions } from 'electron';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST_CHANNEL } from '../../shared/contract/bridge';
import { packagedMenuTemplate } from './appMenu';
import { startComptoir } from './startComptoir';
import { FakeWindow, fakeElectron } from './testing/fakeElectron';

let userData: string;
let pages: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'comptoir-packaged-'));
  pages = mkdtempSync(join(tmpdir(), 'comptoir-packaged-pages-'));
  for (const window of ['ui', 'store']) {
    mkdirSync(join(pages, window));
    writeFileSync(join(pages, window, 'index.html'), `<title>${window}</title>`);
  }
});
afterEach(() => {
  rmSync(userData, { recursive: true, force: true });
  rmSync(pages, { recursive: true, force: true });
});

async function start(packaged: boolean, platform: NodeJS.Platform = 'linux') {
  const electron = fakeElectron({ userData, packaged });
  await startComptoir(
    { ...electron.deps, platform },
    {
      folders: { ui: join(pages, 'ui'), store: join(pages, 'store') },
      preloads: { ui: '/app/out/preload/ui.cjs', store: '/app/out/preload/store.cjs' },
      storeLockTimeoutMs: 50,
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 10));
  return electron;
}

/** Every item of a menu, submenus included. */
const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);

const WAYS_INTO_A_PAGE = ['reload', 'forceReload', 'toggleDevTools', 'viewMenu'];
// Electron's own accelerators for reload and the developer tools, on every platform.
const PAGE_ACCELERATORS = /(^|\+)(R|F5|F12|I)$/i;

/** The window printing opens, through HostApi as the UI asks for it. */
async function openPrintWindow(electron: ReturnType<typeof fakeElectron>) {
  const ui = FakeWindow.all[1]!;
  const fromUi = { sender: ui.webContents, senderFrame: { url: 'comptoir://ui/index.html' } };
  // The fake window cannot print: only the window it opened matters here.
  await electron.ipc.get(HOST_CHANNEL)!(
    fromUi as never,
    { method: 'host.printPdf', arg: { name: 'report.pdf', html: '<p>hi</p>' } } as never,
  );
  return FakeWindow.all[2]!;
}

describe('the packaged app', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'on %s, has a menu without reload or developer tools, and keeps quit and editing',
    async (platform) => {
      const electron = await start(true, platform);
      const menu = items(electron.menu.template!);
      expect(menu.filter((i) => WAYS_INTO_A_PAGE.includes(String(i.role)))).toEqual([]);
      expect(menu.filter((i) => PAGE_ACCELERATORS.test(String(i.accelerator ?? '')))).toEqual([]);
      const roles = menu.map((i) => i.role);
      for (const role of ['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) {
        expect(roles).toContain(role);
      }
      if (platform === 'darwin') {
        expect(roles).toEqual(
          expect.arrayContaining(['appMenu', 'hide', 'editMenu', 'windowMenu']),
        );
      }
    },
  );

  it('opens every window without developer tools: the UI, the store and the print window', async () => {
    const electron = await start(true);
    const print = await openPrintWindow(electron);
    expect(FakeWindow.all).toHaveLength(3);
    for (const window of FakeWindow.all) {
      expect(window.options.webPreferences?.devTools).toBe(false);
    }
    // The rest of each window's preferences is untouched.
    expect(FakeWindow.all[0]!.options.webPreferences).toMatchObject({ sandbox: true });
    expect(print.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
  });

  it('the darwin menu template is the app menu, Edit and Window, nothing else', () => {
    expect(packagedMenuTemplate('darwin').map((i) => i.role)).toEqual([
      'appMenu',
      'editMenu',
      'windowMenu',
    ]);
  });
});

describe('the app in development', () => {
  it("keeps Electron's default menu (reload, developer tools) and windows' developer tools", async () => {
    const electron = await start(false);
    await openPrintWindow(electron);
    expect(electron.menu.template).toBeNull();
    for (const window of FakeWindow.all) {
      expect(window.options.webPreferences?.devTools).toBeUndefined();
    }
  });
});
