import { expect, type Locator, type Page } from '@playwright/test';

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

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
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
