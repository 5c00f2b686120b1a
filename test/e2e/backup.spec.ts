import { readFile } from 'node:fs/promises';
import { decodeBackup, encodeBackup } from '../../shared/vault/backupFile';
import { expect, test, type Page } from './fixture';
import { expectNoSeriousA11yIssue } from './pages/axe';
import { CustomersScreen, PASSPHRASE } from './pages/CustomersScreen';

test.use({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });

/** Every row of the list as the user reads it (the list shows them all at 100 customers). */
async function listed(page: Page): Promise<string[]> {
  const screen = new CustomersScreen(page);
  await expect(screen.rows().first()).toBeVisible();
  const scroll = page.locator('.customer-scroll');
  const seen = new Map<string, string>();
  for (let top = 0; top < 100 * 44; top += 300) {
    await scroll.evaluate((el, y) => el.scrollTo(0, y), top);
    // Two frames: the virtual list has drawn the rows for this scroll position.
    await scroll.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    // Read in one go: the virtual list may redraw its rows between two separate reads.
    const rows = await screen
      .rows()
      .evaluateAll((els) => els.map((el) => [el.getAttribute('aria-rowindex'), el.textContent]));
    for (const [index, text] of rows) {
      if (index && text && !text.includes('Loading')) seen.set(index, text);
    }
  }
  return [...seen.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, t]) => t);
}

test('back up the file, then restore it into an empty profile on another laptop', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const screen = new CustomersScreen(page);
  await screen.open();
  await screen.loadDemo('100');
  await expect(page.getByText('100 customers', { exact: true })).toBeVisible();
  const before = await listed(page);
  expect(before).toHaveLength(100);

  await page.getByRole('button', { name: 'Backups' }).click();
  const backups = page.getByRole('dialog', { name: 'Backups' });
  // Browser mode cannot write into a folder on a schedule, and says so.
  await expect(backups).toContainText('Automatic backups into a folder need the desktop app');
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: testInfo.outputPath('backups-en.png') });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    backups.getByRole('button', { name: 'Save a backup…' }).click(),
  ]);
  await expect(page.getByText('Backup saved: 100 customers')).toBeVisible();
  expect(download.suggestedFilename()).toMatch(/^comptoir-\d{4}-\d\d-\d\d-\d{4}\.comptoir-backup$/);
  const bytes = await readFile((await download.path())!);
  // Sealed: no customer's name is in the file in clear.
  const someone = before[0]!.split(/\s+/).find((w) => w.length > 4)!;
  expect(bytes.includes(Buffer.from(someone))).toBe(false);

  // Another laptop: a new, empty profile. It restores instead of creating a file.
  const other = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
  });
  const laptop = await other.newPage();
  await laptop.goto('/');
  const [chooser] = await Promise.all([
    laptop.waitForEvent('filechooser'),
    laptop.getByRole('button', { name: 'Restaurer plutôt une sauvegarde' }).click(),
  ]);
  await chooser.setFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  const opening = laptop.getByRole('dialog', { name: 'Ouvrir la sauvegarde' });
  await opening.getByLabel('Phrase secrète').fill('pas la bonne phrase du tout');
  await opening.getByRole('button', { name: 'Voir son contenu' }).click();
  await expect(opening).toContainText('Cette phrase secrète n’ouvre pas cette sauvegarde.');
  await opening.getByLabel('Phrase secrète').fill(PASSPHRASE);
  await opening.getByRole('button', { name: 'Voir son contenu' }).click();
  const preview = laptop.getByRole('alertdialog', { name: 'Contenu de la sauvegarde' });
  await expect(preview.getByRole('definition').nth(2)).toHaveText('100');
  await expect(preview).not.toContainText('sera remplacé'); // nothing here to replace
  await expectNoSeriousA11yIssue(laptop);
  await laptop.screenshot({ path: testInfo.outputPath('restore-preview-fr.png') });
  await preview.getByRole('button', { name: 'Restaurer' }).click();
  await expect(laptop.getByText('Sauvegarde restaurée : 100 clients')).toBeVisible();
  await expect(laptop.getByText('100 clients', { exact: true })).toBeVisible();

  // The same customers, in the same order, field for field as the list shows them.
  await laptop.getByLabel('Langue').selectOption('en');
  expect(await listed(laptop)).toEqual(before);
  await other.close();
});

test('restore over the open file: its passphrase again, a backup of it kept first, and that undoes it', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const screen = new CustomersScreen(page);
  await screen.open();
  await screen.loadDemo('100');
  await expect(page.getByText('100 customers', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Backups' }).click();
  const backups = page.getByRole('dialog', { name: 'Backups' });
  // Nothing kept yet: the section is not there.
  await expect(backups.getByRole('region', { name: 'Kept before a restore' })).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    backups.getByRole('button', { name: 'Save a backup…' }).click(),
  ]);
  const backup = await readFile((await download.path())!);
  await page.keyboard.press('Escape');

  // Recorded after the backup: the restore will drop her, the kept backup has her.
  await page.keyboard.press('n');
  await screen.fill({ firstName: 'Zoé', lastName: 'Après' });
  await page.keyboard.press('Enter');
  await expect(page.getByText('101 customers', { exact: true })).toBeVisible();

  const restoreFrom = async (bytes: Buffer, name: string) => {
    await page.getByRole('button', { name: 'Backups' }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      backups.getByRole('button', { name: 'Restore from a backup…' }).click(),
    ]);
    await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
    const opening = page.getByRole('dialog', { name: 'Open the backup' });
    await opening.getByLabel('Passphrase').fill(PASSPHRASE);
    await opening.getByRole('button', { name: 'Show what it holds' }).click();
    return page.getByRole('alertdialog', { name: 'What this backup holds' });
  };

  const preview = await restoreFrom(backup, download.suggestedFilename());
  await expect(preview).toContainText('will be replaced');
  const current = preview.getByLabel('Passphrase of the customer file open now');
  await expect(current).toBeFocused();
  await expect(preview.getByRole('button', { name: 'Restore' })).toBeDisabled();
  await current.fill('not the passphrase of this file');
  await page.keyboard.press('Enter');
  await expect(preview).toContainText('This is not the passphrase of the customer file open now.');
  await expect(page.getByText('101 customers', { exact: true })).toBeVisible();
  await current.fill(PASSPHRASE);
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: testInfo.outputPath('restore-over-open-file-en.png') });
  await page.keyboard.press('Enter');
  await expect(
    page.getByText(/^Backup restored: 100 customers\. The file it replaced was kept: /),
  ).toBeVisible();
  await expect(page.getByText('100 customers', { exact: true })).toBeVisible();

  // The file replaced is in the Backups dialog; saved, it is a backup like any other.
  await page.getByRole('button', { name: 'Backups' }).click();
  const kept = backups.getByRole('region', { name: 'Kept before a restore' });
  await expect(kept.getByRole('listitem')).toHaveCount(1);
  await expect(kept.getByRole('listitem')).toContainText('101 customers');
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: testInfo.outputPath('kept-before-restore-en.png') });
  await page.getByLabel('Language').selectOption('fr');
  await expect(
    page
      .getByRole('dialog', { name: 'Sauvegardes' })
      .getByRole('region', { name: 'Gardées avant une restauration' }),
  ).toContainText('101 clients');
  await page.screenshot({ path: testInfo.outputPath('kept-before-restore-fr.png') });
  await page.getByLabel('Langue').selectOption('en');
  const [copy] = await Promise.all([
    page.waitForEvent('download'),
    kept.getByRole('button', { name: /^Save a copy…/ }).click(),
  ]);
  expect(copy.suggestedFilename()).toMatch(
    /^comptoir-before-restore-\d{4}-\d\d-\d\d-\d{6}\.comptoir-backup$/,
  );
  const keptBytes = await readFile((await copy.path())!);
  await page.keyboard.press('Escape');

  // Restoring it undoes the restore: Zoé is back, and the file it replaced is kept in turn.
  const undo = await restoreFrom(keptBytes, copy.suggestedFilename());
  await expect(undo.getByRole('definition').nth(2)).toHaveText('101');
  await undo.getByLabel('Passphrase of the customer file open now').fill(PASSPHRASE);
  await undo.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('101 customers', { exact: true })).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('zoe apres');
  await expect(page.getByText(/^1 of 101 customers/)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Backups' }).click();
  await expect(kept.getByRole('listitem')).toHaveCount(2);
});

test('a backup with a block of records taken out: the preview says so, the restore sets it aside', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const screen = new CustomersScreen(page);
  await screen.open();
  await screen.loadDemo('100');
  await expect(page.getByText('100 customers', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Backups' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('dialog', { name: 'Backups' })
      .getByRole('button', { name: 'Save a backup…' })
      .click(),
  ]);
  // Someone takes the last block of purchases out of the file (its count stays in the manifest).
  const backup = decodeBackup(await readFile((await download.path())!));
  const taken = backup.pages.filter((p) => p.table === 'purchases').at(-1)!;
  const bytes = Buffer.from(
    encodeBackup({ ...backup, pages: backup.pages.filter((p) => p !== taken) }),
  );

  const other = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  const laptop = await other.newPage();
  await laptop.goto('/');
  const [chooser] = await Promise.all([
    laptop.waitForEvent('filechooser'),
    laptop.getByRole('button', { name: 'Restore from a backup instead' }).click(),
  ]);
  await chooser.setFiles({
    name: 'taken.comptoir-backup',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  const opening = laptop.getByRole('dialog', { name: 'Open the backup' });
  await opening.getByLabel('Passphrase').fill(PASSPHRASE);
  await opening.getByRole('button', { name: 'Show what it holds' }).click();
  const preview = laptop.getByRole('alertdialog', { name: 'What this backup holds' });
  await expect(preview.getByRole('alert')).toHaveText(
    `1 block of records in this backup is missing, older than it should be or altered: it will be set aside as damaged (${taken.count} records). The rest restores.`,
  );
  await expect(preview).not.toContainText('could not be checked');
  await expectNoSeriousA11yIssue(laptop);
  await laptop.screenshot({ path: testInfo.outputPath('restore-preview-damaged-en.png') });
  await preview.getByRole('button', { name: 'Restore' }).click();
  await expect(laptop.getByText('100 customers', { exact: true })).toBeVisible();
  // Reported like a damaged block, once the history has opened.
  await expect(laptop.getByRole('alert').filter({ hasText: 'damaged block' })).toContainText(
    `They also held ${taken.count} purchase, interaction or change records.`,
    { timeout: 30_000 },
  );
  await laptop.screenshot({ path: testInfo.outputPath('restored-damaged-en.png') });
  await other.close();
});
