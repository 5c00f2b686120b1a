import { expect, type Locator, type Page } from '@playwright/test';

export const PASSPHRASE = 'Vélo rouge, quai Saint-Antoine 1987!';

/** First run in any language: passphrase twice, create, then confirm the recovery key. */
export async function createFile(
  page: Page,
  passphrase = PASSPHRASE,
  recoveryKeyShot?: string,
): Promise<string> {
  const fields = page.locator('input[type=password]');
  await fields.nth(0).fill(passphrase);
  await fields.nth(1).fill(passphrase);
  await page.locator('button[type=submit]:not([disabled])').click();
  const key = (await page.getByTestId('recovery-key').textContent({ timeout: 15_000 }))!.trim();
  if (recoveryKeyShot) await page.screenshot({ path: recoveryKeyShot });
  await page.locator('#recovery-confirm').fill(key.split('-').at(-1)!);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('recovery-key')).toBeHidden();
  return key;
}

/** The unlock screen, in English. */
export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

export interface CustomerFields {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  city?: string;
  tags?: string;
}

/** The customer list screen and its dialogs, in the words a user sees (English UI). */
export class CustomersScreen {
  constructor(readonly page: Page) {}

  /** Opens the app and creates a new customer file, through the recovery-key step. */
  async open(passphrase = PASSPHRASE): Promise<string> {
    await this.page.goto('/');
    const recoveryKey = await createFile(this.page, passphrase);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    return recoveryKey;
  }

  /** The English "Load demo data" dialog, `size` demo customers chosen ("100", "1,000"...). */
  async loadDemo(size: string): Promise<void> {
    await this.page.getByRole('button', { name: /Load demo data/ }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: size, exact: true }).check();
    await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  }

  rows(): Locator {
    return this.page.getByTestId('customer-row');
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async fill(fields: CustomerFields): Promise<void> {
    const labels: Record<keyof CustomerFields, string> = {
      firstName: 'First name',
      lastName: 'Last name',
      email: 'Email',
      phone: 'Phone',
      city: 'City',
      tags: 'Tags',
    };
    for (const [field, value] of Object.entries(fields) as [keyof CustomerFields, string][]) {
      await this.dialog().getByLabel(labels[field], { exact: true }).fill(value);
    }
  }
}
