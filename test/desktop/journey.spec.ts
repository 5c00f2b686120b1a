import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { addProduct } from '../e2e/pages/app';
import { createFile, CustomersScreen, unlock, PASSPHRASE } from '../e2e/pages/CustomersScreen';
import { expect, test } from './fixture';

/** A small sheet from another system, to import from the disk as the desktop app does. */
const SHEET = [
  'First name,Last name,Email,City',
  'Margaux,Vidal,margaux.vidal@exemple.fr,Nantes',
  'Yannick,Le Goff,yannick.legoff@exemple.fr,Brest',
  'Inès,Bensaïd,ines.bensaid@exemple.fr,Lille',
].join('\r\n');

test('the desktop app end to end: file, demo, search, sale, import, export, backup, lock, restore', async ({
  desktop,
}, testInfo) => {
  test.setTimeout(180_000);
  const twin = await desktop.launch();
  const ui = await twin.ui();
  const screen = new CustomersScreen(ui);

  // The file and its recovery key, shown once.
  const recoveryKey = await createFile(ui);
  expect(recoveryKey).toMatch(/^[A-Z0-9]{4,}(-[A-Z0-9]{4,})+$/);
  await expect(ui.getByText(/· desktop$/)).toBeVisible();
  await screen.loadDemo('100');
  await expect(ui.getByText('100 customers', { exact: true })).toBeVisible({ timeout: 60_000 });

  // A sale at the counter, by keyboard, to someone found by search.
  await ui.getByRole('button', { name: 'Settings' }).click();
  await addProduct(ui, 'Croissant', '1.20', 'CRO');
  await ui.getByRole('button', { name: 'Done' }).click();
  await ui.keyboard.press('n');
  await screen.fill({
    firstName: 'Zéphyrine',
    lastName: 'Quillevère',
    email: 'zephyrine@exemple.fr',
  });
  await ui.keyboard.press('Enter');
  await expect(screen.dialog()).toBeHidden();
  await ui.keyboard.press('/');
  await ui.keyboard.type('zephyrine quill');
  await expect(screen.rows()).toHaveCount(1);
  await screen.rows().first().focus();
  await ui.keyboard.press('Enter');
  await expect(ui.getByRole('heading', { level: 1, name: /Zéphyrine Quillevère/ })).toBeVisible();
  await ui.keyboard.press('p');
  const sale = ui.getByRole('dialog', { name: /Purchase by Zéphyrine Quillevère/ });
  await ui.keyboard.type('2 crois');
  await expect(sale.getByRole('option', { name: /2 × Croissant/ })).toBeVisible();
  await ui.keyboard.press('Enter');
  await ui.keyboard.press('Enter');
  await expect(sale).toBeHidden();
  await expect(ui.getByTestId('timeline-purchase')).toHaveCount(1);
  await expect(ui.locator('.figures').getByText('€2.40').first()).toBeVisible();

  // Import a CSV from the disk: main's open dialog, main reads the bytes a part at a time.
  await ui.getByRole('button', { name: /Back to the list/ }).click();
  await ui.getByRole('searchbox', { name: 'Search customers' }).fill('');
  const sheet = join(twin.laptop.downloads, 'clients.csv');
  await writeFile(sheet, SHEET);
  twin.dialogs.open.push(sheet);
  await ui.getByRole('button', { name: 'Import', exact: true }).click();
  const importing = screen.dialog();
  await importing.getByRole('button', { name: 'Choose a file…' }).click();
  await importing.getByRole('button', { name: 'Check the file' }).click();
  await expect(importing.locator('.import-count-create')).toContainText('3');
  await importing.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(importing.getByText('Import finished')).toBeVisible();
  await importing.getByRole('button', { name: 'Close' }).click();
  await expect(ui.getByText('104 customers', { exact: true })).toBeVisible();

  // Export the list: main's save dialog, main writes the file.
  await ui.getByRole('button', { name: 'Export', exact: true }).click();
  const exporting = ui.getByRole('dialog', { name: 'Export customers' });
  await exporting.getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => twin.dialogs.saved.length).toBe(1);
  const exported = twin.dialogs.saved[0]!;
  await expect.poll(() => readFile(exported, 'utf8').catch(() => '')).toContain('Bensaïd');
  const lines = (await readFile(exported, 'utf8'))
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines).toHaveLength(105);

  // A backup, written by main; it holds no customer's name in clear.
  await ui.getByRole('button', { name: 'Backups' }).click();
  const backups = ui.getByRole('dialog', { name: 'Backups' });
  await backups.getByRole('button', { name: 'Save a backup…' }).click();
  await expect(ui.getByText('Backup saved: 104 customers')).toBeVisible();
  const backup = twin.dialogs.saved[1]!;
  expect(basename(backup)).toMatch(/^comptoir-\d{4}-\d\d-\d\d-\d{4}\.comptoir-backup$/);
  const sealed = await readFile(backup);
  expect(sealed.includes(Buffer.from('Bensaïd'))).toBe(false);
  await ui.keyboard.press('Escape');
  await expect(backups).toBeHidden();

  // Lock, then unlock with the passphrase.
  await ui.getByRole('button', { name: 'Lock', exact: true }).click();
  await unlock(ui);
  await expect(ui.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await expect(ui.getByText('104 customers', { exact: true })).toBeVisible();

  // Someone added after the backup is gone once it is restored.
  await ui.keyboard.press('n');
  await screen.fill({ firstName: 'Zoé', lastName: 'Après' });
  await ui.keyboard.press('Enter');
  await expect(ui.getByText('105 customers', { exact: true })).toBeVisible();
  await ui.getByRole('button', { name: 'Backups' }).click();
  twin.dialogs.open.push(backup);
  await backups.getByRole('button', { name: 'Restore from a backup…' }).click();
  const opening = ui.getByRole('dialog', { name: 'Open the backup' });
  await opening.getByLabel('Passphrase').fill(PASSPHRASE);
  await opening.getByRole('button', { name: 'Show what it holds' }).click();
  const preview = ui.getByRole('alertdialog', { name: 'What this backup holds' });
  await expect(preview.getByRole('definition').nth(2)).toHaveText('104');
  // Replacing the open file wants its own passphrase again; a wrong one replaces nothing.
  const current = preview.getByLabel('Passphrase of the customer file open now');
  await expect(preview.getByRole('button', { name: 'Restore' })).toBeDisabled();
  await current.fill('not the passphrase of this file');
  await preview.getByRole('button', { name: 'Restore' }).click();
  await expect(preview).toContainText('This is not the passphrase of the customer file open now.');
  await current.fill(PASSPHRASE);
  await ui.screenshot({ path: testInfo.outputPath('desktop-restore-preview-en.png') });
  await preview.getByRole('button', { name: 'Restore' }).click();
  await expect(
    ui.getByText(
      /^Backup restored: 104 customers\. The file it replaced was kept: comptoir-before-restore-/,
    ),
  ).toBeVisible();
  await expect(ui.getByText('104 customers', { exact: true })).toBeVisible();
  await ui.keyboard.press('/');
  await ui.keyboard.type('zoe apres');
  await expect(ui.getByText(/^0 of 104 customers/)).toBeVisible();
  await ui.screenshot({ path: testInfo.outputPath('desktop-after-restore-en.png') });

  // The file replaced (105 customers, Zoé among them) was kept first in main's own folder, 0600.
  const keptIn = join(twin.laptop.userData, 'backups-before-restore');
  const keptFiles = (await readdir(keptIn)).filter((f) => f.endsWith('.comptoir-backup'));
  expect(keptFiles).toHaveLength(1);
  expect((await stat(join(keptIn, keptFiles[0]!))).mode & 0o777).toBe(0o600);
  await ui.keyboard.press('Escape');
  await ui.getByRole('button', { name: 'Backups' }).click();
  const kept = backups.getByRole('region', { name: 'Kept before a restore' });
  await expect(kept.getByRole('listitem')).toHaveCount(1);
  await expect(kept.getByRole('listitem')).toContainText('105 customers');
  await ui.screenshot({ path: testInfo.outputPath('desktop-kept-before-restore-en.png') });
  await kept.getByRole('button', { name: /^Save a copy…/ }).click();
  await expect(ui.getByText('Copy saved')).toBeVisible();
  const copy = twin.dialogs.saved.at(-1)!;
  expect(basename(copy)).toBe(keptFiles[0]);
  expect(await readFile(copy)).toEqual(await readFile(join(keptIn, keptFiles[0]!)));
});
