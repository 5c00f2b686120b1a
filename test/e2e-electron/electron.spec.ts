import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const electronDir = join(repo, 'node_modules/electron');

/** The Electron runtime binary, when npm could download it (not on these CI machines). */
function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('desktop app (real Electron runtime)', () => {
  test.skip(
    binary === null,
    'Electron runtime binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD=1, no download possible); this test runs where `npm install` could fetch it',
  );

  test('opens on the create-file screen, creates the file, locks and unlocks', async () => {
    execFileSync(process.execPath, [join(repo, 'build/bundle.mjs')], { cwd: repo });
    const userData = mkdtempSync(join(tmpdir(), 'comptoir-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [repo, `--user-data-dir=${userData}`, '--lang=en-GB'],
    });
    try {
      const ui = await app.waitForEvent('window', {
        predicate: (page) => page.url().startsWith('comptoir://ui/'),
      });
      await expect(ui.getByRole('heading', { level: 1 })).toBeVisible();
      const passphrase = 'Vélo rouge, quai Saint-Antoine 1987!';
      const fields = ui.locator('input[type=password]');
      await fields.nth(0).fill(passphrase);
      await fields.nth(1).fill(passphrase);
      await ui.locator('button[type=submit]:not([disabled])').click();
      const key = (await ui.getByTestId('recovery-key').textContent())!.trim();
      await ui.locator('#recovery-confirm').fill(key.split('-').at(-1)!);
      await ui.keyboard.press('Enter');
      await expect(ui.getByText(/· desktop$/)).toBeVisible();
      // The UI has no Node and no ipcRenderer: only the named bridge.
      expect(await ui.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
      expect(await ui.evaluate(() => Object.keys(window.comptoir).sort())).toEqual([
        'host',
        'onHostEvent',
      ]);
      await ui.getByRole('button', { name: 'Lock', exact: true }).click();
      await ui.getByLabel('Passphrase', { exact: true }).fill(passphrase);
      await ui.getByRole('button', { name: 'Unlock', exact: true }).click();
      await expect(ui.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
