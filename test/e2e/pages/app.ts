import { expect, type Locator, type Page } from '@playwright/test';

/** A section tab of the app (Customers, Segments, Dashboard), in English or French. */
export function section(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: /Sections|Rubriques/ }).getByRole('button', { name });
}

/**
 * Saves a segment typed in the editor's text tab (English UI, 100 demo customers) and gives
 * how many customers the editor counted in it.
 */
export async function saveTextSegment(page: Page, name: string, rule: string): Promise<number> {
  await section(page, 'Segments').click();
  await page.getByRole('button', { name: 'New segment' }).click();
  const editor = page.getByRole('form', { name: 'New segment' });
  await editor.getByLabel('Name').fill(name);
  await editor.getByRole('tab', { name: 'As text' }).click();
  await editor.getByLabel('As text').fill(rule);
  const count = editor.locator('.segment-count-line');
  await expect(count).toHaveText(/^\d+ of 100 customers$/);
  const members = Number(/^(\d+)/.exec((await count.textContent())!)![1]);
  await editor.getByRole('button', { name: 'Save the segment' }).click();
  await expect(page.getByText('Segment saved', { exact: true })).toBeVisible();
  return members;
}

/** Adds a product to the catalog, from Settings (English UI). */
export async function addProduct(page: Page, name: string, price: string, sku = '') {
  const form = page.getByRole('form', { name: 'Add product' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('SKU').fill(sku);
  await form.getByLabel('Price').fill(price);
  await form.getByLabel('Price').press('Enter');
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}
