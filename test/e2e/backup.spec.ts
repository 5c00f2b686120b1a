import { readFile } from 'node:fs/promises';
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
