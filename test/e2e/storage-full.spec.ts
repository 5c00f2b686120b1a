import { en } from '../../renderer/i18n/en';
import { fr } from '../../renderer/i18n/fr';
import { expect, test } from './fixture';
import { CustomersScreen, unlock } from './pages/CustomersScreen';

test.use({ locale: 'en-GB' });

/** A plain CSV of `rows` new customers. */
const sheet = (rows: number) =>
  [
    'First name,Last name,Email,City',
    ...Array.from(
      { length: rows },
      (_, i) => `Zoé,Martin${i},zoe.martin${i}@exemple.fr,Saint-Étienne`,
    ),
  ].join('\n');

test('an import and a demo load that run out of storage say so clearly, keep nothing, and the file goes on working', async ({
  page,
  baseURL,
}, testInfo) => {
  // An import of 3,000 rows, two demo loads of 1,000 customers and their 10,000 purchase lines,
  // two key derivations.
  test.setTimeout(120_000);
  // The origin's quota set before the app first touches IndexedDB: Chromium caches an origin's
  // room for ~30 s, so a quota lowered later would not be seen by the next write. 384 KB: room for
  // the new file and a customer (~75 KB here), not for 1,000 demo customers and their 10,000
  // purchase lines (~1 MB). Chromium's estimate() reports a made-up quota whatever is enforced,
  // so the refusal itself is the proof that the quota holds.
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL!).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 384 * 1024 });
  const screen = new CustomersScreen(page);
  await screen.open();
  await page.getByRole('button', { name: /New customer/ }).click();
  await screen.fill({ firstName: 'Hélène', lastName: 'Lefèvre', city: 'Saint-Étienne' });
  await page.keyboard.press('Enter');
  await expect(screen.dialog()).toBeHidden();
  await expect(page.getByText('1 customer', { exact: true })).toBeVisible();

  // An import of 3,000 customers (~700 KB of pages) is refused whole.
  const FULL =
    'The storage on this computer is full: nothing was saved. Free some disk space, then try again.';
  const toast = page.getByRole('status').locator('.toast-error span');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    screen.dialog().getByRole('button', { name: 'Choose a file…' }).click(),
  ]);
  await chooser.setFiles({
    name: 'salon.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(sheet(3000)),
  });
  await expect(screen.dialog().getByText('salon.csv: 3,000 rows')).toBeVisible();
  await screen.dialog().getByRole('button', { name: 'Check the file' }).click();
  await screen.dialog().getByRole('button', { name: 'Import 3,000 rows' }).click();
  await expect(toast).toHaveText(FULL, { timeout: 30_000 });
  // Back at the mapping, for a try once there is room.
  await screen.dialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(screen.dialog()).toBeHidden();
  await expect(page.getByText('1 customer', { exact: true })).toBeVisible();
  // The message goes after its 5 s, so the next one cannot be mistaken for it.
  await expect(toast).toHaveCount(0, { timeout: 15_000 });

  // A demo load, the same.
  await screen.loadDemo('1,000');
  // Said as an error, in the user's words, and only that (not "Unexpected error: …").
  await expect(toast).toHaveText(FULL, { timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('storage-full-en.png') });
  // The dialog is back at its choice, for a try once there is room.
  await expect(screen.dialog().getByRole('button', { name: 'Load', exact: true })).toBeVisible();
  await screen.dialog().getByRole('button', { name: 'Close' }).click();
  await expect(screen.dialog()).toBeHidden();
  // Nothing half-written: the one customer, in the list and after a fresh unlock.
  await expect(page.getByText('1 customer', { exact: true })).toBeVisible();
  await expect(screen.rows()).toHaveCount(1);
  await page.reload();
  await unlock(page);
  await expect(page.getByText('1 customer', { exact: true })).toBeVisible();
  await expect(screen.row('Lefèvre')).toContainText('Saint-Étienne');

  // Room again (the browser's own quota): a customer is added, then the demo loads whole.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('button', { name: /New customer/ }).click();
  await screen.fill({ firstName: 'Zoé', lastName: 'Müller' });
  await page.keyboard.press('Enter');
  await expect(screen.dialog()).toBeHidden();
  await expect(page.getByText('2 customers', { exact: true })).toBeVisible();
  await screen.loadDemo('1,000');
  await expect(screen.dialog()).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText('1,002 customers', { exact: true })).toBeVisible();
});

test('the storage-full message exists in French too, and says nothing was saved', () => {
  expect(fr['error.STORAGE_FULL']).toBeTruthy();
  expect(fr['error.STORAGE_FULL']).not.toBe(en['error.STORAGE_FULL']);
  expect(fr['error.STORAGE_FULL']).toContain('rien n’a été enregistré');
});
