import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from './fixture';
import { expectNoSeriousA11yIssue } from './pages/axe';
import { CustomersScreen } from './pages/CustomersScreen';

test.use({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });

/** The builder's condition boxes, in document order. */
const conditions = (page: Page) => page.getByTestId('rule-condition');

async function pickField(condition: Locator, label: string) {
  const field = condition.getByLabel('Field', { exact: true });
  await field.fill(label);
}

test('build a three-level segment, see its count, save it, reopen it, open and export its customers', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const screen = new CustomersScreen(page);
  await screen.open();
  await screen.loadDemo('100');
  await expect(page.getByText('100 customers', { exact: true })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Segments' })
    .click();
  await expect(page.getByText('No segment saved yet')).toBeVisible();
  await page.getByRole('button', { name: 'New segment' }).click();
  const editor = page.getByRole('form', { name: 'New segment' });
  await editor.getByLabel('Name').fill('Loyal or Parisian');
  await editor.getByLabel('Description').fill('Not archived; vip or newsletter, or in Paris');
  const root = editor.locator('fieldset.rule-root');
  await expect(root).toContainText('No condition yet: everyone matches.');
  await expect(editor).toContainText('100 of 100 customers');

  // Level 1: status is not archived.
  await root.locator(':scope > .rule-add').getByRole('button', { name: '+ Condition' }).click();
  await pickField(conditions(page).nth(0), 'Status');
  await conditions(page).nth(0).getByLabel('Operator').selectOption({ label: 'is not' });
  await conditions(page).nth(0).getByLabel('Value').selectOption({ label: 'Archived' });

  // Level 2: any of (tags has vip or newsletter, level 3).
  await root.locator(':scope > .rule-add').getByRole('button', { name: '+ Group' }).click();
  const second = root.locator('fieldset.rule-group').first();
  await pickField(conditions(page).nth(1), 'Tags');
  // Incomplete until a tag is given: marked, and not counted.
  await expect(conditions(page).nth(1)).toHaveClass(/rule-incomplete/);
  await expect(editor).toContainText('1 condition to complete (marked in red)');
  await conditions(page).nth(1).getByLabel('Value').fill('vip, newsletter');
  await expect(conditions(page).nth(1)).not.toHaveClass(/rule-incomplete/);

  // Level 3: all of (city is Paris).
  await second.locator(':scope > .rule-add').getByRole('button', { name: '+ Group' }).click();
  const third = second.locator('fieldset.rule-group').first();
  await third.getByLabel('Customers matching').selectOption({ label: 'All of these' });
  await pickField(conditions(page).nth(2), 'City');
  await conditions(page).nth(2).getByLabel('Value').fill('paris');

  const count = editor.locator('.segment-count-line');
  await expect(count).toHaveText(/^\d+ of 100 customers$/);
  const members = Number((await count.textContent())!.split(' ')[0]);
  expect(members).toBeGreaterThan(0);
  expect(members).toBeLessThan(100);
  await expect(editor.locator('.segment-preview li')).toHaveCount(Math.min(10, members));
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: testInfo.outputPath('segment-builder-en.png'), fullPage: true });

  // The same rule as text; a mistake there says where.
  await editor.getByRole('tab', { name: 'As text' }).click();
  const text = editor.getByLabel('As text');
  await expect(text).toHaveValue(
    'status != "archived" and (tags has_any ["vip", "newsletter"] or city = "paris")',
  );
  await text.fill('status != "archived" and city = ');
  await expect(editor).toContainText('Character 33: Expected a text in quotes');
  await expect(editor.getByRole('button', { name: 'Save the segment' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('segment-text-error-en.png') });
  // Back to the builder: the last rule that read, its three levels, the same count.
  await editor.getByRole('tab', { name: 'Rules' }).click();
  await expect(editor.locator('fieldset.rule-group')).toHaveCount(3);
  await expect(count).toHaveText(`${members} of 100 customers`);

  await editor.getByRole('button', { name: 'Save the segment' }).click();
  await expect(page.getByText('Segment saved', { exact: true })).toBeVisible();
  const card = page.getByTestId('segment-card').filter({ hasText: 'Loyal or Parisian' });
  await expect(card).toContainText(`${members} customers`);
  await expect(card.locator('.segment-history svg')).toBeVisible();

  // Reopened from the list: the three levels are there.
  await card.getByRole('button', { name: 'Edit' }).click();
  const reopened = page.getByRole('form', { name: 'Loyal or Parisian' });
  await expect(reopened.locator('fieldset.rule-group')).toHaveCount(3);
  await expect(reopened.locator('.segment-count-line')).toHaveText(`${members} of 100 customers`);
  await reopened.getByRole('button', { name: 'Close' }).click();

  // Its members as the customer list, then exported.
  await card.getByRole('button', { name: 'Show the customers' }).click();
  await expect(page.getByText('Segment: Loyal or Parisian')).toBeVisible();
  await expect(page.getByText(`${members} of 100 customers`)).toBeVisible();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exporting = page.getByRole('dialog', { name: 'Export customers' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exporting.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(
    csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n'),
  ).toHaveLength(members + 1);

  // In French.
  await page.getByLabel('Language').selectOption('fr');
  await page
    .getByRole('navigation', { name: 'Rubriques' })
    .getByRole('button', { name: 'Segments' })
    .click();
  await page
    .getByTestId('segment-card')
    .filter({ hasText: 'Loyal or Parisian' })
    .getByRole('button', { name: 'Modifier' })
    .click();
  await expect(page.locator('.segment-count-line')).toHaveText(`${members} clients sur 100`);
  await page.screenshot({ path: testInfo.outputPath('segment-builder-fr.png'), fullPage: true });
});
