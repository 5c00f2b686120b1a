import { expect, test, type Page } from './fixture';
import { expectNoSeriousA11yIssue } from './pages/axe';
import { section } from './pages/app';
import { CustomersScreen } from './pages/CustomersScreen';

test.use({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });

/** The Inactive customers card's count ("27 · 47.4 %": 27). */
const inactive = async (page: Page) => {
  const text = await page
    .locator('.kpi-card', { has: page.locator('dt', { hasText: /^Inactive customers$/ }) })
    .locator('.kpi-value')
    .textContent();
  return Number(/^([\d,]+)/.exec(text ?? '')?.[1]?.replace(/,/g, '') ?? NaN);
};

test('dashboard settings change the dashboard, and a customer record says why they are in their RFM group', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const screen = new CustomersScreen(page);
  await screen.open();
  await screen.loadDemo('100');

  await section(page, 'Dashboard').click();
  await expect.poll(() => inactive(page)).toBeGreaterThan(0);
  const before = await inactive(page);
  const top = (await page.locator('.top-customers tbody th').first().textContent())!.trim();

  // Limits typed the wrong way round are refused, with the row and the reason.
  await page.getByRole('button', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: 'Dashboard' });
  await form.getByLabel('Inactive after (days without an order)').fill('30');
  await form.getByLabel('Recency: last order at most … days ago · Score 5').fill('400');
  await form.getByRole('button', { name: 'Save dashboard settings' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Recency: each score needs fewer days than the score before it.',
  );
  await page.screenshot({ path: testInfo.outputPath('settings-dashboard-error-en.png') });
  await form.getByLabel('Recency: last order at most … days ago · Score 5').fill('30');
  await form.getByRole('button', { name: 'Save dashboard settings' }).click();
  await expect(page.getByText('Settings saved', { exact: true })).toBeVisible();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expectNoSeriousA11yIssue(page);
  await page.getByRole('button', { name: 'Done' }).click();

  // 30 days instead of 180: more customers are inactive.
  await expect.poll(() => inactive(page)).toBeGreaterThan(before);

  // The best customer's record, opened from the dashboard: their group, and each score's reason.
  await section(page, 'Dashboard').click();
  await page
    .locator('.top-customers')
    .screenshot({ path: testInfo.outputPath('top-customers-en.png') });
  await page.locator('.top-customers tbody th button').first().click();
  await expect(page.getByRole('heading', { level: 1, name: top })).toBeVisible();
  const why = page.locator('details.rfm-why');
  await expect(why.locator('summary')).toHaveText(/^RFM group: .+ R[1-5] · F[1-5] · M[1-5] Why\?$/);
  await why.locator('summary').click();
  await expect(why.locator('li')).toHaveCount(3);
  await expect(why.locator('li').nth(0)).toHaveText(
    /^Recency [1-5]: last order (today|\d+ days? ago)/,
  );
  await expect(why.locator('li').nth(1)).toHaveText(/^Frequency [1-5]: \d+ orders?, /);
  await expect(why.locator('li').nth(2)).toHaveText(/^Money [1-5]: €[\d,.]+ spent, /);
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: testInfo.outputPath('record-rfm-en.png') });

  await page.getByRole('banner').getByLabel('Language').selectOption('fr');
  await expect(why.locator('summary')).toHaveText(/^Groupe RFM : .+ Pourquoi \?$/);
  await expect(why.locator('li').nth(0)).toHaveText(/^Récence [1-5] : dernière commande/);
  await page.screenshot({ path: testInfo.outputPath('record-rfm-fr.png') });
  await page.getByRole('button', { name: 'Réglages' }).click();
  const formulaire = page.getByRole('form', { name: 'Tableau de bord' });
  await formulaire.getByRole('button', { name: 'Revenir aux valeurs par défaut' }).focus();
  await page.screenshot({ path: testInfo.outputPath('settings-dashboard-fr.png') });
});
