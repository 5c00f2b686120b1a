import { expect, test } from './fixture';
import { expectNoSeriousA11yIssue } from './pages/axe';
import { section, saveTextSegment } from './pages/app';
import { CustomersScreen } from './pages/CustomersScreen';

test.use({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });

const countOf = (label: string) => Number(/See the (\d+)/.exec(label)?.[1] ?? NaN);

test('a saved segment, a sales bar, a row of the sales table and a cohort cell open the customers they counted', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const screen = new CustomersScreen(page);
  await screen.open();
  await screen.loadDemo('100');
  const runners = await saveTextSegment(page, 'Runners', 'bought(category = "Running shoes")');

  // The saved segment's size on the dashboard opens its members.
  await section(page, 'Dashboard').click();
  const sizes = page.locator('.segment-sizes');
  await expect(sizes.getByRole('row', { name: /Runners/ })).toContainText(`Runners${runners}`);
  await sizes.getByRole('button', { name: 'Show the customers of Runners' }).click();
  await expect(page.getByText(`${runners} of 100 customers`)).toBeVisible();
  await expect(page.locator('.list-filters .chip', { hasText: 'Runners' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await section(page, 'Dashboard').click();
  const chip = page.locator('.list-filters .chip', { hasText: 'Dashboard:' });

  // By keyboard, through the table under the chart: a month's new customers.
  await page.getByText('Show as a table').click();
  const newOnes = page.locator('.series-table button[aria-label^="See the"][aria-label*="new"]');
  const label = (await newOnes.last().getAttribute('aria-label'))!;
  const month = /new customers?, (.+)$/.exec(label)![1]!;
  await page
    .locator('.dashboard-charts .dashboard-panel')
    .nth(1)
    .screenshot({ path: testInfo.outputPath('dashboard-series-table-en.png') });
  // The cells that open customers are named by what they show, then what they open.
  await expectNoSeriousA11yIssue(page);
  await newOnes.last().focus();
  await page.keyboard.press('Enter');
  await expect(chip).toHaveText(new RegExp(`^Dashboard: new customers?, ${month}`));
  await expect(page.getByText(`${countOf(label)} of 100 customers`)).toBeVisible();
  await expect(screen.rows()).toHaveCount(countOf(label));

  // The last revenue bar, with the mouse; then the same month from the table's row name.
  await section(page, 'Dashboard').click();
  await page
    .locator('.dashboard-charts .dashboard-panel')
    .first()
    .locator('.recharts-bar-rectangle')
    .last()
    .click();
  await expect(chip).toHaveText(/^Dashboard: ordered, /);
  const lastMonth = /^Dashboard: ordered, (.+?)×?$/.exec((await chip.textContent())!)![1]!;
  const shown = page.getByText(/^\d+ of 100 customers$/);
  const everyone = Number(/^(\d+)/.exec((await shown.textContent())!)![1]);
  expect(everyone).toBeGreaterThan(0);
  await section(page, 'Dashboard').click();
  await page.getByText('Show as a table').click();
  const all = page
    .locator('.series-table tbody tr', { has: page.locator('th', { hasText: lastMonth }) })
    .locator('th button');
  expect(countOf((await all.getAttribute('aria-label'))!)).toBe(everyone);
  await all.click();
  await expect(chip).toHaveText(new RegExp(`^Dashboard: ordered, ${lastMonth}`));
  await expect(page.getByText(`${everyone} of 100 customers`)).toBeVisible();

  // A cohort cell: those of the cohort who ordered again that month.
  await section(page, 'Dashboard').click();
  const cell = page.locator('.cohort-cell button').nth(1);
  const cellLabel = (await cell.getAttribute('aria-label'))!;
  expect(cellLabel).toMatch(
    /^\d+(\.\d)?\s?%: See the \d+ customers? of the \w+ \d{4} cohort who ordered/,
  );
  await cell.click();
  await expect(chip).toHaveText(/^Dashboard: first order in \w+ \d{4}, ordered /);
  await expect(page.getByText(`${countOf(cellLabel)} of 100 customers`)).toBeVisible();
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: testInfo.outputPath('drill-cohort-en.png') });

  await page.getByRole('banner').getByLabel('Language').selectOption('fr');
  await expect(page.locator('.list-filters .chip', { hasText: 'Tableau de bord' })).toHaveText(
    /^Tableau de bord : première commande en \S+ \d{4}, ont commandé /,
  );
  await section(page, 'Tableau de bord').click();
  await page.getByText('Afficher en tableau').click();
  await page
    .locator('.dashboard-charts .dashboard-panel')
    .nth(1)
    .screenshot({ path: testInfo.outputPath('dashboard-series-table-fr.png') });
  await page
    .locator('.segment-sizes')
    .screenshot({ path: testInfo.outputPath('segment-sizes-fr.png') });
});
