import { expect, test } from './fixture';
import { CustomersScreen } from './pages/CustomersScreen';

test.use({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
const SHOTS = 'test-results/screenshots';

test('search as you type: without accents, by phone in any format, from the keyboard', async ({
  page,
}) => {
  const screen = new CustomersScreen(page);
  await screen.open();
  await page.getByRole('button', { name: /New customer/ }).click();
  await screen.fill({
    firstName: 'Zéphyrine',
    lastName: 'Quillevère',
    email: 'z.quillevere@exemple.fr',
    phone: '+33 6 71 82 93 04',
    city: 'Plougastel',
  });
  await page.keyboard.press('Enter');
  await expect(screen.dialog()).toBeHidden();
  await screen.loadDemo('1,000');
  await expect(page.getByText('1,001 customers', { exact: true })).toBeVisible({
    timeout: 20_000,
  });

  const search = page.getByRole('searchbox', { name: 'Search customers' });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('zephyrine quillev');
  await expect(page.getByText('1 of 1,001 customers')).toBeVisible();
  await expect(screen.rows()).toHaveCount(1);
  await expect(screen.rows().first()).toContainText('Quillevère');
  await page.screenshot({ path: `${SHOTS}/search-en.png` });

  // Esc clears; Ctrl+K comes back to it from anywhere; a phone typed the national way.
  await page.keyboard.press('Escape');
  await expect(page.getByText('1,001 customers', { exact: true })).toBeVisible();
  await screen.rows().first().focus();
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  await page.keyboard.type('06 71 82 93');
  await expect(screen.rows().first()).toContainText('Quillevère');

  // Ranked: a last name before a first name before a city.
  await search.fill('plougastel');
  await expect(screen.rows().first()).toContainText('Quillevère');

  await search.fill('zzqx');
  await expect(page.getByRole('heading', { name: 'No customer matches “zzqx”' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(page.getByText('1,001 customers', { exact: true })).toBeVisible();
  await expect(search).toHaveValue('');
});

test('search results follow a change to a customer', async ({ page }) => {
  const screen = new CustomersScreen(page);
  await screen.open();
  await page.getByRole('button', { name: /New customer/ }).click();
  await screen.fill({ firstName: 'Anatole', lastName: 'Brizemonde' });
  await page.keyboard.press('Enter');
  await expect(screen.dialog()).toBeHidden();
  const search = page.getByRole('searchbox', { name: 'Search customers' });
  await search.fill('brize');
  await expect(screen.rows()).toHaveCount(1);
  await screen.rows().first().getByRole('button', { name: /Edit/ }).click();
  await screen.fill({ lastName: 'Kerhervé' });
  await page.keyboard.press('Enter');
  await expect(screen.dialog()).toBeHidden();
  await expect(page.getByRole('heading', { name: 'No customer matches “brize”' })).toBeVisible();
  await search.fill('kerherve');
  await expect(screen.rows()).toHaveCount(1);
});
