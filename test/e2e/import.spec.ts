import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page } from './fixture';
import { strFromU8, unzipSync } from 'fflate';
import { CustomersScreen } from './pages/CustomersScreen';

test.use({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });

/** Clicks the button that opens the system's file picker, and picks `file` in it. */
async function chooseFile(
  page: Page,
  button: Locator,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}

/** A French Excel export: semicolons, Windows-1252, a date per row, one bad row (line 3). */
const FRENCH_SHEET = [
  'Nom;Prénom;Courriel;Téléphone;Ville;Date de naissance;Remarque;Carte fidélité',
  'Lefèvre;Hélène;helene.lefevre@orange.fr;06 12 34 56 78;Saint-Étienne;14/07/1985;fidèle depuis 2010;A123',
  'Dupont;Luc;luc@;07 00 00 00 00;Lyon;31/02/1990;;',
  'Müller;Zoé;zoe.muller@free.fr;;Paris;01/01/1970;;B77',
].join('\r\n');

test('import a French Windows-1252 sheet, fix the mapping, read the rejected row, undo, export a selection', async ({
  page,
}, testInfo) => {
  const screen = new CustomersScreen(page);
  await screen.open();
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  const dialog = screen.dialog();
  await expect(dialog.getByRole('heading', { name: 'Importer des clients' })).toBeVisible();
  await chooseFile(page, dialog.getByRole('button', { name: 'Choisir un fichier…' }), {
    name: 'clients.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(FRENCH_SHEET, 'latin1'),
  });

  // Read as it was written: Windows-1252, semicolons, a header row; French columns recognised.
  await expect(dialog.getByText('clients.csv : 3 lignes')).toBeVisible();
  await expect(dialog.getByLabel('Encodage')).toHaveValue('windows-1252');
  await expect(dialog.getByLabel('Séparateur')).toHaveValue(';');
  await expect(dialog.getByText('Saint-Étienne')).toBeVisible();
  await expect(dialog.getByLabel('Devient — Prénom')).toHaveValue('firstName');
  await expect(dialog.getByLabel('Devient — Courriel')).toHaveValue('email');
  await expect(dialog.getByLabel('Devient — Date de naissance')).toHaveValue('birthDate');
  // The user fixes what was not recognised: the remark becomes the notes.
  await dialog.getByLabel('Devient — Remarque').selectOption('notes');
  // A column no field fits becomes a new field of the file, named after it.
  await dialog
    .getByLabel('Devient — Carte fidélité')
    .selectOption({ label: 'Nouveau champ « Carte fidélité »' });
  await expect(dialog.getByLabel('Devient — Carte fidélité')).toHaveValue('custom:carte-fidelite');
  await page.screenshot({ path: testInfo.outputPath('import-mapping-fr.png') });

  // Preview: two new customers, one rejected row with its line and reasons.
  await dialog.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(dialog.locator('.import-count-create')).toContainText('2');
  await expect(dialog.locator('.import-count-reject')).toContainText('1');
  const rejected = dialog.getByRole('region', { name: /Lignes à problème/ });
  await expect(rejected.getByRole('row', { name: /^3 / })).toContainText(
    'Courriel : Cette adresse e-mail n’est pas valide. · Date de naissance : Ce n’est pas une date valide.',
  );
  await page.screenshot({ path: testInfo.outputPath('import-preview-fr.png') });

  await dialog.getByRole('button', { name: 'Importer 2 lignes' }).click();
  await expect(dialog.getByText('Import terminé')).toBeVisible();
  await expect(screen.rows()).toHaveCount(2);
  await expect(screen.row('Lefèvre')).toContainText('Saint-Étienne');
  await page.screenshot({ path: testInfo.outputPath('import-done-fr.png') });

  // The error file holds the rejected row as it was, with its line and why.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Télécharger les lignes refusées (CSV)' }).click(),
  ]);
  const errors = await readFile((await download.path())!, 'utf8');
  expect(errors.startsWith('\uFEFF')).toBe(true);
  expect(errors).toContain('Dupont,Luc,luc@');
  expect(errors).toMatch(/,3,"?Courriel: invalidEmail; Date de naissance: invalidDate/);
  expect(errors).not.toContain('Lefèvre');

  // Undo: the two customers are gone, the file is as before.
  await dialog.getByRole('button', { name: 'Annuler cet import' }).click();
  await expect(page.getByRole('status')).toContainText('Import annulé : 2 clients supprimés');
  await expect(screen.rows()).toHaveCount(0);

  // Import again, then export the selection: CSV with the French separator, and XLSX.
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await chooseFile(page, dialog.getByRole('button', { name: 'Choisir un fichier…' }), {
    name: 'clients.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(FRENCH_SHEET, 'latin1'),
  });
  // The same kind of file again: the mapping fixed by hand the first time is remembered.
  await expect(
    dialog.getByText('Colonnes réglées comme lors de votre dernier import'),
  ).toBeVisible();
  await expect(dialog.getByLabel('Devient — Remarque')).toHaveValue('notes');
  await expect(dialog.getByLabel('Devient — Carte fidélité')).toHaveValue('custom:carte-fidelite');
  await dialog.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await dialog.getByRole('button', { name: 'Importer 2 lignes' }).click();
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(screen.rows()).toHaveCount(2);
  await screen.row('Lefèvre').getByRole('checkbox').check();
  await screen.row('Müller').getByRole('checkbox').check();
  const bulk = page.getByRole('region', { name: 'Clients sélectionnés' });
  await bulk.getByRole('button', { name: 'Exporter' }).click();
  const exporting = page.getByRole('dialog', { name: 'Exporter des clients' });
  await expect(exporting).toContainText('Les 2 clients sélectionnés.');
  await expect(exporting.getByLabel('Séparateur')).toHaveValue(';');
  await exporting.getByRole('checkbox', { name: 'Ville' }).check();
  await page.screenshot({ path: testInfo.outputPath('export-fr.png') });
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    exporting.getByRole('button', { name: 'Exporter', exact: true }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^clients \d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await csvDownload.path())!, 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toContain('Prénom;Nom;E-mail;Téléphone');
  expect(lines[0]).toContain('Ville');
  expect(lines).toHaveLength(3);
  expect(csv).toContain('Hélène;Lefèvre;helene.lefevre@orange.fr;+33612345678');
  expect(csv).toContain('Saint-Étienne');
  expect(csv).not.toContain('Dupont');

  await bulk.getByRole('button', { name: 'Exporter' }).click();
  await exporting.getByRole('radio', { name: 'Classeur Excel (.xlsx)' }).check();
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    exporting.getByRole('button', { name: 'Exporter', exact: true }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsx = unzipSync(new Uint8Array(await readFile((await xlsxDownload.path())!)));
  const sheet = strFromU8(xlsx['xl/worksheets/sheet1.xml']!);
  expect(sheet).toContain('Lefèvre');
  expect(sheet).toContain('Müller');
  expect(sheet).not.toContain('Dupont');
});

test.describe('vCard', () => {
  test.use({ locale: 'en-GB' });

  test('import contacts from a vCard file: the cards of one person become one customer', async ({
    page,
  }, testInfo) => {
    const screen = new CustomersScreen(page);
    await screen.open();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = screen.dialog();
    // The same person as vCard 4.0, 2.1 and 3.0 (a corpus file, read from beside the repository).
    await chooseFile(
      page,
      dialog.getByRole('button', { name: 'Choose a file…' }),
      resolve(process.cwd(), '../shared/corpus/node-vcf-testdata/multiple.vcf'),
    );
    await expect(dialog.getByText('multiple.vcf: 3 contact cards')).toBeVisible();
    await expect(dialog.getByRole('region', { name: 'Columns' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('import-vcard-en.png') });
    await dialog.getByRole('button', { name: 'Check the file' }).click();
    await expect(dialog.locator('.import-count-create')).toContainText('1');
    await expect(dialog.locator('.import-count-merge')).toContainText('2');
    // The 2.1 card writes its German numbers the national way ("(0221) 9999123"): with this
    // file's default country (France) they cannot be read. The card still comes in, the
    // numbers kept in the notes, and the preview says so.
    await expect(dialog.locator('.import-count-reject')).toHaveCount(0);
    await expect(dialog.getByRole('note')).toContainText(
      '1 row has a phone number that cannot be read',
    );
    await page.screenshot({ path: testInfo.outputPath('import-preview-en.png') });
    await dialog.getByRole('button', { name: 'Import 3 rows' }).click();
    await expect(dialog.getByText('Import finished')).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(screen.rows()).toHaveCount(1);
    await expect(screen.row('Mustermann')).toContainText('erika@mustermann.de');
    // The export dialog in English, from the list.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Export customers' })).toContainText(
      'The 1 customer of the list, as shown.',
    );
    await page.screenshot({ path: testInfo.outputPath('export-en.png') });
  });
});
