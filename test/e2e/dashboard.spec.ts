import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixture';
import { expectNoSeriousA11yIssue } from './pages/axe';
import { section, saveTextSegment } from './pages/app';
import { CustomersScreen } from './pages/CustomersScreen';

test.use({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });

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
  // Two axe scans, a segment and a dozen dashboard refreshes: ~70 s on a loaded 2-core machine.
  test.setTimeout(180_000);
  const screen = new CustomersScreen(page);
  await screen.open();
  await screen.loadDemo('100');

  // A saved segment to filter by.
  await saveTextSegment(page, 'Runners', 'bought(category = "Running shoes")');

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
  await expect.poll(() => amount(page, 'Revenue'), { timeout: 20_000 }).toBeLessThan(year);
  const quarter = await amount(page, 'Revenue');
  await filters.getByLabel('Customers').selectOption({ label: 'Runners' });
  await expect.poll(() => amount(page, 'Revenue'), { timeout: 20_000 }).toBeLessThan(quarter);
  const runners = await amount(page, 'Revenue');
  await filters.getByLabel('Channel').selectOption({ label: 'Website' });
  await expect.poll(() => amount(page, 'Revenue'), { timeout: 20_000 }).toBeLessThan(runners);
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

/**
 * The RFM group rows that have customers to see, as the panel shows them, once it shows a group
 * that fits on screen: read in one go in the page, again until then (the board may still be
 * coming, or be drawn again, on a loaded machine).
 */
async function groupsWithCustomers(page: Page) {
  let groups: { name: string; count: number }[] = [];
  await expect
    .poll(
      async () => {
        groups = await page.locator('.rfm-groups tbody tr').evaluateAll((rows) =>
          rows
            .filter((row) => row.querySelector('button'))
            .map((row) => ({
              name: (row.querySelector('th')?.textContent ?? '').trim(),
              count: Number((row.querySelector('td')?.textContent ?? '').replace(/\D/g, '')),
            })),
        );
        return groups.some((g) => g.count > 1 && g.count <= 15);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return groups;
}

const largest = (groups: { name: string; count: number }[]) =>
  groups.filter((g) => g.count <= 15).reduce((a, b) => (b.count > a.count ? b : a));

test('from an RFM group or the inactive customers to the customer list, in English and French', async ({
  page,
}, testInfo) => {
  // Five axe scans, two languages and an export: ~100 s on a loaded 2-core machine.
  test.setTimeout(240_000);
  const screen = new CustomersScreen(page);
  await screen.open();
  await screen.loadDemo('100');
  await expect(page.getByText('100 demo customers added')).toBeVisible();

  await section(page, 'Dashboard').click();
  // The largest group whose customers all fit on screen (the list draws only what is seen).
  const group = largest(await groupsWithCustomers(page));
  expect(group.count).toBeGreaterThan(1);
  await page.locator('.rfm-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('drill-dashboard-en.png') });
  await page.locator('.rfm-panel').screenshot({ path: testInfo.outputPath('drill-rfm-en.png') });
  await page.locator('.kpi-cards').screenshot({ path: testInfo.outputPath('drill-cards-en.png') });
  await expectNoSeriousA11yIssue(page);
  // A smaller laptop window: the links stay beside their groups or wrap under the grid.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page
    .locator('.rfm-panel')
    .screenshot({ path: testInfo.outputPath('drill-rfm-1024-en.png') });
  await page.setViewportSize({ width: 1280, height: 900 });

  // By keyboard: the button names its group.
  const see = page.getByRole('button', {
    name: `See the ${group.count} customers (${group.name})`,
    exact: true,
  });
  await see.focus();
  await page.keyboard.press('Enter');

  await expect(section(page, 'Customers')).toHaveAttribute('aria-current', 'page');
  const chip = page.locator('.list-filters .chip', { hasText: 'Dashboard:' });
  await expect(chip).toHaveText(new RegExp(`^Dashboard: ${group.name} \\(RFM\\)`));
  await expect(page.getByText(`${group.count} of 100 customers`)).toBeVisible({ timeout: 15_000 });
  await expect(screen.rows()).toHaveCount(group.count, { timeout: 15_000 });
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: testInfo.outputPath('drill-list-en.png') });

  // "Select all" and the export of the list as shown take the same customers.
  await screen.rows().first().getByRole('checkbox').check();
  const bulk = page.getByRole('region', { name: 'Selected customers' });
  await bulk.getByRole('button', { name: `Select all ${group.count}` }).click();
  await expect(bulk).toContainText(`${group.count} selected`);
  await bulk.getByRole('button', { name: 'Clear selection' }).click();
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
  ).toHaveLength(group.count + 1);

  // Its × shows everyone again.
  await chip.getByRole('button', { name: 'Remove the dashboard filter' }).click();
  await expect(chip).toHaveCount(0);
  await expect(page.getByText('100 customers', { exact: true })).toBeVisible();

  // The inactive customers, then "Clear filters".
  await section(page, 'Dashboard').click();
  const inactive = card(page, 'Inactive customers');
  // Read again until the card shows its figure (the board comes after the page).
  let count = 0;
  await expect
    .poll(
      async () => {
        const text = (await inactive.locator('.kpi-value').allTextContents())[0] ?? '';
        count = Number(text.split('·')[0]!.replace(/\D/g, ''));
        return count;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  await inactive
    .getByRole('button', { name: `See the ${count} customers (Inactive customers)`, exact: true })
    .click();
  await expect(chip).toHaveText(/^Dashboard: inactive customers/);
  await expect(page.getByText(`${count} of 100 customers`)).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(chip).toHaveCount(0);
  await expect(page.getByText('100 customers', { exact: true })).toBeVisible();

  // In French.
  await page.getByLabel('Language').selectOption('fr');
  await section(page, 'Tableau de bord').click();
  const groupe = largest(await groupsWithCustomers(page));
  await page.locator('.rfm-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('drill-dashboard-fr.png') });
  await page.locator('.rfm-panel').screenshot({ path: testInfo.outputPath('drill-rfm-fr.png') });
  await page.locator('.kpi-cards').screenshot({ path: testInfo.outputPath('drill-cards-fr.png') });
  await expectNoSeriousA11yIssue(page);
  await page
    .getByRole('button', { name: `Voir les ${groupe.count} clients (${groupe.name})`, exact: true })
    .click();
  const puce = page.locator('.list-filters .chip', { hasText: 'Tableau de bord' });
  await expect(puce).toHaveText(new RegExp(`^Tableau de bord : ${groupe.name} \\(RFM\\)`));
  await expect(page.getByText(`${groupe.count} clients sur 100`)).toBeVisible({ timeout: 15_000 });
  await expect(screen.rows()).toHaveCount(groupe.count, { timeout: 15_000 });
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: testInfo.outputPath('drill-list-fr.png') });
  await puce.getByRole('button', { name: 'Retirer le filtre du tableau de bord' }).click();
  await expect(puce).toHaveCount(0);
});
