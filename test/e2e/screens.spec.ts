import { expect, test, type Page } from './fixture';
import { expectNoSeriousA11yIssue } from './pages/axe';
import { createFile, unlock } from './pages/CustomersScreen';

const SHOTS = 'test-results/screenshots';

async function loadDemo(page: Page, count: string, buttons: { open: RegExp; start: string }) {
  await page.getByRole('button', { name: buttons.open }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: count }).check();
  await dialog.getByRole('button', { name: buttons.start, exact: true }).click();
  // Done when the dialog closes itself: ~5 s here for 1,000 customers, several times that loaded.
  await expect(dialog).toBeHidden({ timeout: 60_000 });
}

for (const { locale, language, open, start, count, newButton, formTitle, security, lock } of [
  {
    locale: 'en-GB',
    language: 'en',
    open: /Load demo data/,
    start: 'Load',
    count: '1,000',
    newButton: /New customer/,
    formTitle: 'New customer',
    security: 'Security',
    lock: 'Lock',
  },
  {
    locale: 'fr-FR',
    language: 'fr',
    open: /Charger des données/,
    start: 'Charger',
    count: '1 000',
    newButton: /Nouveau client/,
    formTitle: 'Nouveau client',
    security: 'Sécurité',
    lock: 'Verrouiller',
  },
]) {
  test.describe(`screens in ${language}`, () => {
    test.use({ locale, viewport: { width: 1280, height: 800 } });

    test(`list and form follow the system language (${language})`, async ({ page }) => {
      // Five screens, an accessibility scan on each, and 1,000 demo customers with their
      // 10,000 purchase lines: ~22 s alone here, over 60 s on a loaded 2-core machine.
      test.setTimeout(180_000);
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await page.locator('input[type=password]').first().fill('azerty');
      await expect(page.locator('.strength .field-error').first()).toBeVisible();
      await expectNoSeriousA11yIssue(page);
      await page.screenshot({ path: `${SHOTS}/create-file-${language}.png` });
      await page.locator('input[type=password]').first().fill('');
      await createFile(page, undefined, `${SHOTS}/recovery-key-${language}.png`);
      await page.screenshot({ path: `${SHOTS}/empty-${language}.png` });
      await loadDemo(page, count, { open, start });
      await expect(page.getByTestId('customer-row').first()).toBeVisible({ timeout: 15_000 });
      await expect(
        page.getByText(language === 'en' ? '1,000 customers' : '1 000 clients', { exact: true }),
      ).toBeVisible();
      await expectNoSeriousA11yIssue(page);
      await page.screenshot({ path: `${SHOTS}/list-${language}.png` });

      await page.getByRole('button', { name: newButton }).click();
      await expect(
        page.getByRole('dialog').getByRole('heading', { name: formTitle }),
      ).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('dialog').locator('.field-error')).toHaveCount(1);
      await expectNoSeriousA11yIssue(page);
      await page.screenshot({ path: `${SHOTS}/form-errors-${language}.png` });
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: security }).click();
      await expect(page.getByRole('dialog').getByRole('heading', { name: security })).toBeVisible();
      await expectNoSeriousA11yIssue(page);
      await page.screenshot({ path: `${SHOTS}/security-${language}.png` });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: lock, exact: true }).click();
      await expect(page.locator('input[type=password]')).toBeFocused({ timeout: 15_000 });
      await expectNoSeriousA11yIssue(page);
      await page.screenshot({ path: `${SHOTS}/unlock-${language}.png` });
    });
  });
}

test.describe('language switch', () => {
  test.use({ locale: 'en-GB' });
  test('switching to French is immediate and remembered after a reload', async ({ page }) => {
    await page.goto('/');
    await createFile(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers');
    await page.getByLabel('Language').selectOption('fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clients');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Déverrouillez votre fichier clients',
    );
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test('cancelling a demo load keeps nothing', async ({ page }) => {
    // Two key derivations and 100,000 customers generated until the cancel is heard.
    test.setTimeout(90_000);
    await page.goto('/');
    await createFile(page);
    await page.getByRole('button', { name: /Load demo data/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '100,000' }).check();
    await dialog.getByRole('button', { name: 'Load', exact: true }).click();
    await expect(dialog.getByRole('progressbar')).toBeVisible({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // The store hears the cancel at its next check (every 2,000 customers): seconds when loaded.
    await expect(page.getByRole('status')).toContainText('Cancelled: nothing was added.', {
      timeout: 30_000,
    });
    await page.reload();
    await unlock(page);
    await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible({
      timeout: 20_000,
    });
  });
});
