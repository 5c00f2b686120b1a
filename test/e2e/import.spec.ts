import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { CustomersScreen } from './pages/CustomersScreen';

test.use({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });

/** A French Excel export: semicolons, Windows-1252, a date per row, one bad row (line 3). */
const FRENCH_SHEET = [
  'Nom;Prénom;Courriel;Téléphone;Ville;Date de naissance;Remarque',
  'Lefèvre;Hélène;helene.lefevre@orange.fr;06 12 34 56 78;Saint-Étienne;14/07/1985;fidèle depuis 2010',
  'Dupont;Luc;luc@;07 00 00 00 00;Lyon;31/02/1990;',
  'Müller;Zoé;zoe.muller@free.fr;;Paris;01/01/1970;',
].join('\r\n');

test('import a French Windows-1252 sheet, fix the mapping, read the rejected row, undo', async ({
  page,
}, testInfo) => {
  const screen = new CustomersScreen(page);
  await screen.open();
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  const dialog = screen.dialog();
  await expect(dialog.getByRole('heading', { name: 'Importer des clients' })).toBeVisible();
  await dialog.getByLabel('Fichier').setInputFiles({
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
});
