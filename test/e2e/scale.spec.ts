import { expect, test } from './fixture';
import { expectNoSeriousA11yIssue } from './pages/axe';
import { CustomersScreen } from './pages/CustomersScreen';

test.use({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
const SHOTS = 'test-results/screenshots';

test('100,000 customers: the list, a customer and the column tools, in English and French', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const screen = new CustomersScreen(page);
  await screen.open();
  await screen.loadDemo('100,000');
  await expect(page.getByText('100,000 customers', { exact: true })).toBeVisible({
    timeout: 120_000,
  });

  // A wider choice of columns, figures included, sorted by a figure.
  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns of the list' });
  for (const column of ['Company', 'Source', 'Total spent']) {
    await chooser.getByRole('checkbox', { name: column, exact: true }).check();
  }
  await chooser.getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('button', { name: 'Customer', exact: true }).click();
  await expect(page.getByText(/of 100,000 customers/)).toBeVisible();
  await screen.rows().nth(3).click();
  await page.keyboard.press('Space');
  await screen.rows().nth(5).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Selected customers' })).toContainText(
    '2 selected',
  );
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: `${SHOTS}/list-100k-en.png` });

  // Far down the list, then a customer from it.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.locator('.customer-scroll').evaluate((el) => el.scrollTo({ top: 2_000_000 }));
  await expect(screen.rows().first()).toBeVisible();
  await screen.rows().first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Timeline' })).toBeVisible();
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: `${SHOTS}/customer-100k-en.png` });

  // The same screens in French.
  await page.getByRole('banner').getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('list', { name: 'Historique' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/customer-100k-fr.png` });
  await page.getByRole('button', { name: /Retour à la liste/ }).click();
  await expect(page.getByText(/clients sur 100\s000/)).toBeVisible();
  // Back where the list was left, rows drawn.
  await expect(screen.rows().first()).toBeVisible();
  await expect
    .poll(() => page.locator('.customer-scroll').evaluate((el) => el.scrollTop))
    .toBeGreaterThan(1_000_000);
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: `${SHOTS}/list-100k-fr.png` });
});
