import { expect, test } from './fixture';
import { CustomersScreen, unlock } from './pages/CustomersScreen';

test.use({ locale: 'en-GB' });

test('add, edit, reload and delete a customer', async ({ page }) => {
  // Three key derivations (create, two unlocks): ~30 s on a loaded 2-core machine.
  test.setTimeout(90_000);
  const screen = new CustomersScreen(page);
  await screen.open();
  await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();

  // Add, with a wrong email first: the error names the field and nothing is saved.
  await page.getByRole('button', { name: /New customer/ }).click();
  await expect(screen.dialog().getByLabel('First name')).toBeFocused();
  await screen.fill({
    firstName: 'Hélène',
    lastName: 'Lefèvre',
    email: 'helene@',
    phone: '06 12 34 56 78',
    tags: 'vip, salon',
  });
  await page.keyboard.press('Enter');
  await expect(screen.dialog().getByText('This is not a valid email address.')).toBeVisible();
  await expect(screen.dialog().getByLabel('Email', { exact: true })).toBeFocused();
  await screen.fill({ email: 'Helene.Lefevre@Orange.fr' });
  await page.keyboard.press('Enter');
  await expect(screen.dialog()).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole('status')).toContainText('Customer added');
  const row = screen.row('Lefèvre');
  await expect(row).toContainText('helene.lefevre@orange.fr');
  await expect(row).toContainText('vip');
  await expect(page.getByText('1 customer', { exact: true })).toBeVisible();

  // Edit the city.
  await row.getByRole('button', { name: 'Edit Hélène Lefèvre' }).click();
  await expect(screen.dialog().getByRole('heading', { name: 'Edit customer' })).toBeVisible();
  await screen.fill({ city: 'Saint-Étienne' });
  await screen.dialog().getByRole('button', { name: 'Save' }).click();
  await expect(screen.dialog()).toBeHidden({ timeout: 15_000 });
  await expect(row).toContainText('Saint-Étienne');

  // Still there after a reload (which locks): it was stored, not just drawn.
  await page.reload();
  await unlock(page);
  await expect(screen.row('Lefèvre')).toContainText('Saint-Étienne', { timeout: 20_000 });

  // Delete, through the confirmation.
  await screen.row('Lefèvre').getByRole('button', { name: 'Delete Hélène Lefèvre' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete this customer?' });
  await expect(confirm).toContainText('Hélène Lefèvre');
  await expect(confirm.getByRole('button', { name: 'Keep' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible();
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('heading', { name: 'No customers yet' })).toBeVisible({
    timeout: 20_000,
  });
});

test('Esc cancels a new customer and N opens one, by keyboard only', async ({ page }) => {
  const screen = new CustomersScreen(page);
  await screen.open();
  await page.keyboard.press('n');
  await expect(screen.dialog().getByRole('heading', { name: 'New customer' })).toBeVisible();
  await page.keyboard.type('Zoé');
  await page.keyboard.press('Escape');
  await expect(screen.dialog()).toBeHidden();
  await expect(screen.rows()).toHaveCount(0);
  // A customer needs a name or an email.
  await page.keyboard.press('n');
  await page.keyboard.press('Enter');
  await expect(screen.dialog().getByText('Give at least a name or an email.')).toBeVisible();
});
