import { expect, test, type Page } from './fixture';
import { expectNoSeriousA11yIssue } from './pages/axe';
import { CustomersScreen } from './pages/CustomersScreen';

test.use({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });

/** A Shopify orders export: a row per line item; the order's columns blank on its later rows. */
const ORDERS = [
  'Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Billing Phone',
  '#1001,helene.lefevre@orange.fr,paid,EUR,29.00,2025-05-11 09:55:16 +0200,2,Café en grains,8.50,CAF-1,Hélène Lefèvre,06 12 34 56 78',
  '#1001,,,,,,1,Tasse,12.00,TAS-1,,',
  '#1002,luc@chelem.fr,paid,EUR,39.90,2025-05-12 10:00:00 +0200,1,Théière,39.90,THE-1,Luc Dupont,',
  '#1003,paul@tel.fr,paid,EUR,5.00,2025-05-13 10:00:00 +0200,zéro,Savon,5.00,,Paul Bad,',
].join('\r\n');

async function importOrders(page: Page) {
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  const dialog = page.getByRole('dialog');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: 'Choisir un fichier…' }).click(),
  ]);
  await chooser.setFiles({
    name: 'orders_export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(ORDERS, 'utf8'),
  });
  return dialog;
}

test('import a Shopify orders export: orders linked to their customers, figures and timeline', async ({
  page,
}, testInfo) => {
  const screen = new CustomersScreen(page);
  await screen.open();
  const dialog = await importOrders(page);

  // Recognised as orders, its columns as an order's and its lines'.
  await expect(page.getByRole('dialog', { name: 'Importer des commandes' })).toBeVisible();
  await expect(
    dialog.getByRole('radio', { name: /Des commandes, une ligne de produit par ligne/ }),
  ).toBeChecked();
  await expect(dialog.getByLabel('Devient — Name')).toHaveValue('order.id');
  await expect(dialog.getByLabel('Devient — Lineitem name')).toHaveValue('line.product');
  await expect(dialog.getByLabel('Devient — Lineitem price')).toHaveValue('line.price');
  await expect(dialog.getByLabel('Devient — Billing Name')).toHaveValue('order.name');
  await expectNoSeriousA11yIssue(page);
  await page.screenshot({ path: testInfo.outputPath('orders-mapping-fr.png') });

  await dialog.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(dialog.locator('.import-count-orders-orders')).toContainText('2commandes');
  await expect(dialog.locator('.import-count-orders-lines')).toContainText('3lignes de produit');
  await expect(dialog.locator('.import-count-orders-newCustomers')).toContainText('2nouveaux');
  const rejected = dialog.getByRole('region', { name: /Lignes à problème/ });
  await expect(rejected.getByRole('row', { name: /^5 / })).toContainText('Lineitem quantity');
  await page.screenshot({ path: testInfo.outputPath('orders-preview-fr.png') });
  await dialog.getByRole('button', { name: 'Importer 2 commandes' }).click();
  await expect(dialog.getByText('Import terminé')).toBeVisible();
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  // The customers the orders named, with their purchases and figures.
  await expect(screen.rows()).toHaveCount(2);
  await screen.row('Lefèvre').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Hélène Lefèvre/ })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Historique' });
  await expect(timeline.getByTestId('timeline-purchase')).toHaveCount(1);
  await expect(timeline.getByTestId('timeline-purchase')).toContainText('2 × Café en grains');
  await expect(timeline.getByTestId('timeline-purchase')).toContainText('29,00');
  await page.keyboard.press('Escape');

  // The same file again adds nothing: both orders are known.
  const again = await importOrders(page);
  await again.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(again.locator('.import-count-orders-known')).toContainText(
    '2commandes déjà importées',
  );
  await expect(again.getByRole('button', { name: 'Importer 0 commande' })).toBeDisabled();
});
