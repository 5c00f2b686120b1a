import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yIssue } from './pages/axe';
import { CustomersScreen } from './pages/CustomersScreen';

test.use({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /Sections|Rubriques/ }).getByRole('button', { name });

/** The value shown on a KPI card, by its label. */
const card = (page: Page, label: string) =>
  page.locator('.kpi-card', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });
const amount = async (page: Page, label: string) =>
  Number(
    ((await card(page, label).locator('.kpi-value').textContent()) ?? '').replace(/[^\d.]/g, ''),
  );

test('the dashboard on demo data: figures with definitions, period, segment and channel, in English and French', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const screen = new CustomersScreen(page);
  await screen.open();
  await screen.loadDemo('100');

  // A saved segment to filter by.
  await section(page, 'Segments').click();
  await page.getByRole('button', { name: 'New segment' }).click();
  const editor = page.getByRole('form', { name: 'New segment' });
  await editor.getByLabel('Name').fill('Runners');
  await editor.getByRole('tab', { name: 'As text' }).click();
  await editor.getByLabel('As text').fill('bought(category = "Running shoes")');
  await expect(editor.locator('.segment-count-line')).toHaveText(/^\d+ of 100 customers$/);
  await editor.getByRole('button', { name: 'Save the segment' }).click();
  await expect(page.getByText('Segment saved', { exact: true })).toBeVisible();

  await section(page, 'Dashboard').click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  // Last 12 months, by month, against the 12 before: the demo has three years of purchases.
  const revenue = card(page, 'Revenue');
  await expect(revenue.locator('.kpi-value')).toHaveText(/€[\d,]+\.\d\d/);
  await expect(revenue).toHaveAttribute('title', /orders minus its refunds/);
  await expect(revenue.locator('.kpi-change')).toHaveText(/vs €/);
  const year = await amount(page, 'Revenue');
  expect(year).toBeGreaterThan(0);
  await expect(page.locator('.cohort-table tbody tr')).toHaveCount(12);
  await expect(page.locator('.top-customers tbody tr')).toHaveCount(10);
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: testInfo.outputPath('dashboard-en.png'), fullPage: true });

  // A shorter period holds less; a segment and a channel less still.
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Period').selectOption({ label: 'Last 90 days' });
  await expect(filters.getByLabel('By')).toHaveValue('week');
  await expect.poll(() => amount(page, 'Revenue')).toBeLessThan(year);
  const quarter = await amount(page, 'Revenue');
  await filters.getByLabel('Customers').selectOption({ label: 'Runners' });
  await expect.poll(() => amount(page, 'Revenue')).toBeLessThan(quarter);
  const runners = await amount(page, 'Revenue');
  await filters.getByLabel('Channel').selectOption({ label: 'Website' });
  await expect.poll(() => amount(page, 'Revenue')).toBeLessThan(runners);
  await filters.getByLabel('Compared with').selectOption({ label: 'Nothing' });
  await expect(revenue.locator('.kpi-change')).toHaveCount(0);

  // The definition is there for the keyboard too.
  await revenue.focus();
  await expect(revenue).toBeFocused();
  await expect(
    page.locator(`#${await revenue.getAttribute('aria-describedby')}`.replace(/:/g, '\\:')),
  ).toHaveText(/orders minus its refunds/);

  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 1 })).toBeVisible();
  await expect(card(page, 'Chiffre d’affaires')).toHaveAttribute(
    'title',
    /moins ses remboursements/,
  );
  const filtres = page.getByRole('form', { name: 'Filtres' });
  await filtres.getByLabel('Canal').selectOption({ label: 'Tous les canaux' });
  await expect(page.locator('.rfm-groups')).toContainText('À ne pas perdre');
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: testInfo.outputPath('dashboard-fr.png'), fullPage: true });
  // The page scrolls inside its own box: the panels below the fold, one by one.
  await page
    .locator('.rfm-panel')
    .screenshot({ path: testInfo.outputPath('dashboard-rfm-fr.png') });
  await page
    .locator('.dashboard-panel', { has: page.locator('.cohort-table') })
    .screenshot({ path: testInfo.outputPath('dashboard-cohorts-fr.png') });
});
