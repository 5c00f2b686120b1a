import { packagedMenuTemplate } from './appMenu';
import type { ElectronDeps } from './deps';

/**
 * The packaged app gives no way into a page: no reload (it would drop the unlocked state
 * half-way) and no developer tools (a console beside an open customer file). Development keeps
 * Electron's default menu and tools. Returns the window constructor main must use.
 */
export function lockDownPackagedApp(
  electron: Pick<ElectronDeps, 'app' | 'Menu' | 'BrowserWindow' | 'platform'>,
): ElectronDeps['BrowserWindow'] {
  if (!electron.app.isPackaged) return electron.BrowserWindow;
  const { Menu } = electron;
  Menu.setApplicationMenu(Menu.buildFromTemplate(packagedMenuTemplate(electron.platform)));
  return withoutDevTools(electron.BrowserWindow);
}

/** Every window, whoever opens it (the UI, the store, the print window), without devtools. */
function withoutDevTools(BrowserWindow: ElectronDeps['BrowserWindow']) {
  return class extends BrowserWindow {
    constructor(options: ConstructorParameters<ElectronDeps['BrowserWindow']>[0]) {
      super({ ...options, webPreferences: { ...options.webPreferences, devTools: false } });
    }
  };
}
