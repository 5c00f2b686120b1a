import { spawnSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Page, type TestInfo } from './fixture';
import { section, saveTextSegment } from './pages/app';
import { CustomersScreen } from './pages/CustomersScreen';

test.use({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });

const card = (page: Page, label: string) =>
  page.locator('.kpi-card', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });

/** Runs a poppler tool; its absence fails the test with what to install, never skips it. */
function poppler(tool: 'pdftoppm' | 'pdftotext', args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      `${tool} is missing: install poppler-utils (apt-get install -y poppler-utils) to check the report's PDF`,
    );
  }
  if (run.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/**
 * Clicks "Export report pack" with the keyboard, then prints the report's tab the way the
 * desktop app does (Chromium's printToPDF, A4, backgrounds), turns its pages into PNGs in the
 * test's output folder and returns its text and the workbook's parts.
 */
async function exportPack(page: Page, testInfo: TestInfo, button: string, name: string) {
  const exportButton = page.getByRole('button', { name: button, exact: true });
  await expect(exportButton).toHaveAttribute('aria-disabled', 'false');
  await exportButton.focus();
  const [popup, download] = await Promise.all([
    page.waitForEvent('popup'),
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  await popup.waitForLoadState();
  // The browser's print dialog was asked for in the report's tab (counted by the init script).
  await expect.poll(() => popup.evaluate(() => (window as Printed).printCalls ?? 0)).toBe(1);
  const pdf = testInfo.outputPath(`${name}.pdf`);
  await popup.pdf({ path: pdf, format: 'A4', printBackground: true });
  await popup.close();
  poppler('pdftoppm', ['-png', '-r', '60', pdf, testInfo.outputPath(name)]);
  const pages = (await readdir(testInfo.outputPath()))
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort();
  const text = poppler('pdftotext', ['-layout', pdf, '-']);
  const workbook = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  return { pages, text, workbook, xlsxName: download.suggestedFilename(), title: await title() };
  async function title() {
    return popup.isClosed() ? '' : popup.title();
  }
}

const sheetNames = (workbook: Record<string, Uint8Array>) =>
  [...strFromU8(workbook['xl/workbook.xml']!).matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);

/** The summary sheet's revenue cell (B2), in the file's currency units. */
const revenueCell = (workbook: Record<string, Uint8Array>) =>
  Number(
    /<c r="B2" s="2"><v>([-\d.]+)<\/v><\/c>/.exec(
      strFromU8(workbook['xl/worksheets/sheet1.xml']!),
    )?.[1],
  );

type Printed = Window & { printCalls?: number };

test('the dashboard on demo data: period and segment, the report pack (a PDF of the dashboard as shown and its tables as a workbook) in English and French, then into an RFM group', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // Headless Chromium has no print dialog: count the calls instead, in every page and tab.
  await page.context().addInitScript(() => {
    window.print = () => {
      const printed = window as Printed;
      printed.printCalls = (printed.printCalls ?? 0) + 1;
    };
  });
  const screen = new CustomersScreen(page);
  await screen.open();
  await screen.loadDemo('100');
  await expect(page.getByText('100 demo customers added')).toBeVisible();

  // A saved segment to report on.
  await saveTextSegment(page, 'Runners', 'bought(category = "Running shoes")');

  await section(page, 'Dashboard').click();
  const revenue = card(page, 'Revenue').locator('.kpi-value');
  await expect(revenue).toHaveText(/€[\d,]+\.\d\d/);
  const year = await revenue.textContent();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Period').selectOption({ label: 'Last 90 days' });
  await expect(filters.getByLabel('By')).toHaveValue('week');
  await expect(revenue).not.toHaveText(year!);
  const quarter = (await revenue.textContent())!;
  await filters.getByLabel('Customers').selectOption({ label: 'Runners' });
  await expect(revenue).not.toHaveText(quarter);
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const shown = (await revenue.textContent())!;
  await page.screenshot({ path: testInfo.outputPath('report-dashboard-en.png') });

  const en = await exportPack(page, testInfo, 'Export report pack', 'report-en');
  await expect(page.getByText(/^The report opened in a new tab/)).toBeVisible();
  // Cover, key figures, charts, top customers and RFM, cohorts: a page each at least.
  expect(en.pages.length).toBeGreaterThanOrEqual(5);
  expect(en.text).toContain('Customer report');
  expect(en.text).toContain('Runners');
  expect(en.text).toContain('Key figures');
  expect(en.text).toContain(shown);
  expect(en.text).toContain('Revenue and orders');
  expect(en.text).toContain('Top customers of the period');
  expect(en.text).toContain('Retention by month of first order');
  expect(en.xlsxName).toMatch(/^comptoir-report-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.xlsx$/);
  expect(sheetNames(en.workbook)).toEqual([
    'Summary',
    'Sales over time',
    'Cohorts',
    'RFM groups',
    'RFM grid',
    'Top customers',
  ]);
  expect(revenueCell(en.workbook)).toBe(Number(shown.replace(/[^\d.]/g, '')));

  // In French, the same filters: the same figures in French words and numbers.
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Tableau de bord', level: 1 })).toBeVisible();
  const chiffre = (await card(page, 'Chiffre d’affaires').locator('.kpi-value').textContent())!;
  const fr = await exportPack(page, testInfo, 'Exporter le rapport', 'report-fr');
  await expect(page.getByText(/^Le rapport s’est ouvert dans un nouvel onglet/)).toBeVisible();
  expect(fr.pages.length).toBeGreaterThanOrEqual(5);
  expect(fr.text).toContain('Rapport clients');
  expect(fr.text).toContain('Chiffres clés');
  // Intl writes narrow no-break spaces, which pdftotext may give back as plain ones.
  const spaced = (text: string) => text.replace(/[\s\u202f\u00a0]+/g, ' ');
  expect(spaced(fr.text)).toContain(spaced(chiffre));
  expect(fr.xlsxName).toMatch(/^comptoir-rapport-[\d-]+\.xlsx$/);
  expect(sheetNames(fr.workbook)[0]).toBe('Synthèse');
  expect(revenueCell(fr.workbook)).toBe(revenueCell(en.workbook));
  // Then into the customers of an RFM group of the report (the smallest one with anybody).
  const groups = page.locator('.rfm-groups button');
  const counts = await groups.evaluateAll((buttons) =>
    buttons.map((b) => Number(/(\d+)/.exec(b.getAttribute('aria-label') ?? '')?.[1] ?? 0)),
  );
  const smallest = Math.min(...counts.filter((n) => n > 0));
  await groups.nth(counts.indexOf(smallest)).click();
  await expect(page.locator('.list-filters .chip', { hasText: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByText(new RegExp(`^${smallest} clients? sur 100$`))).toBeVisible();
  await expect(screen.rows()).toHaveCount(smallest);
  // Back on the dashboard, it is as it was left.
  await section(page, 'Tableau de bord').click();
  const filtres = page.getByRole('form', { name: 'Filtres' });
  await expect(filtres.getByLabel('Période')).toHaveValue('last90');
  await expect(filtres.getByLabel('Clients').locator('option:checked')).toHaveText('Runners');

  testInfo.annotations.push({
    type: 'pages',
    description: [...en.pages, ...fr.pages].map((p) => basename(p)).join(', '),
  });
});
