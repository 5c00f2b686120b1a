import { join } from 'node:path';
import * as electron from 'electron';
import { disableChromiumFeatures } from './chromiumFeatures';
import { APP_SCHEME } from './security';
import { startComptoir } from './startComptoir';

// Before `ready`, as switches only reach the windows' processes if set before they start.
disableChromiumFeatures(electron.app.commandLine);

// Before `ready`: the app's scheme behaves like https (secure origin, IndexedDB, fetch, modules).
electron.protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

// Bundled as out/main/main.cjs: the built pages and preloads sit beside it in out/.
const out = join(__dirname, '..');
startComptoir(
  { ...electron, platform: process.platform },
  {
    folders: { ui: join(out, 'renderer'), store: join(out, 'store') },
    preloads: { ui: join(out, 'preload', 'ui.cjs'), store: join(out, 'preload', 'store.cjs') },
    argon2Worker: join(__dirname, 'argon2Worker.cjs'),
  },
).catch((error: unknown) => {
  console.error('Comptoir could not start:', error);
  electron.app.quit();
});
