import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customerInputSchema } from '../../domain/customer';
import type { CustomField } from '../../domain/customFields';
import { decodeText } from '../decodeText';
import { parseCsv } from '../parseCsv';
import type { TargetId } from './importTargets';
import { recognizeColumns } from './recognizeHeaders';
import { rowToDraft, type RowToDraftOptions } from './rowToDraft';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);
const catalogue: { id: string; header: string }[] = JSON.parse(
  readFileSync(new URL('crm-export-headers/headers.json', corpus), 'utf8'),
);
const headerOf = (id: string) =>
  parseCsv(catalogue.find((entry) => entry.id === id)!.header).rows[0]!;

const options: RowToDraftOptions = {
  dateOrder: 'dmy',
  sourceName: 'clients.csv',
  customFields: [],
};
/** rowToDraft on one CSV line under `headers`, mapped by recognizeColumns. */
const importLine = (headers: string[], line: string, more: Partial<RowToDraftOptions> = {}) =>
  rowToDraft(parseCsv(line).rows[0]!, recognizeColumns(headers), {
    ...options,
    ...more,
  });

describe('rowToDraft on a Shopify customers export row', () => {
  const headers = headerOf('shopify_customers_export_2023');
  const line =
    "'7210448301122,Marie,Dupont,Marie.Dupont@example.com,yes,L'Atelier,12 rue des Lilas,Bât. B," +
    'Paris,,FR,75011,+33 1 23 45 67 89,+33 6 12 34 56 78,no,120.50,3,Cliente fidèle,no,"vip, salon 2024"';
  const row = importLine(headers, line, { sourceName: 'customers_export.csv' });

  it('fills the customer from the mapped columns only', () => {
    const consent = { granted: true, at: 0, source: 'import: customers_export.csv' };
    expect(row.draft).toEqual({
      source: 'import',
      sourceDetail: 'customers_export.csv',
      // Shopify's own id, without the apostrophe Excel needs: the next import finds her by it.
      externalId: '7210448301122',
      firstName: 'Marie',
      lastName: 'Dupont',
      // As the schema outputs it: an email is stored lower-cased.
      email: 'marie.dupont@example.com',
      company: "L'Atelier",
      street: '12 rue des Lilas\nBât. B',
      city: 'Paris',
      postalCode: '75011',
      country: 'FR',
      phone: '+33 6 12 34 56 78',
      additionalPhones: ['+33 1 23 45 67 89'],
      notes: 'Cliente fidèle',
      tags: ['vip', 'salon 2024'],
      consent: { email: consent, sms: { ...consent, granted: false }, post: null, phone: null },
    });
    expect(row.problems).toEqual([]);
  });

  it('gives the Shopify id without Excel’s apostrophe, and the consent answers', () => {
    expect(row.externalId).toBe('7210448301122');
    expect(row.consent).toEqual({ email: true, sms: false, post: null, phone: null });
  });

  it('makes a draft the customer schema accepts', () => {
    const parsed = customerInputSchema.safeParse(row.draft);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.email).toBe('marie.dupont@example.com');
  });
});

describe('rowToDraft on a French spreadsheet row', () => {
  const headers = [
    'Civilité',
    'Nom',
    'Prénom',
    'Courriel',
    'Date de naissance',
    'Pays',
    'Langue',
    'Accepte les emails',
  ];
  const line = 'Mme;DUPONT;Élodie;elodie@example.fr;31/02/1985;France;Français;oui';

  it('reports the impossible date for its column and keeps the rest', () => {
    const row = importLine(headers, line);
    expect(row.problems).toEqual([{ column: 4, target: 'birthDate', message: 'invalidDate' }]);
    expect(row.draft).toMatchObject({
      gender: 'female',
      lastName: 'DUPONT',
      firstName: 'Élodie',
      email: 'elodie@example.fr',
      country: 'FR',
      language: 'fr',
    });
    expect(row.draft.birthDate).toBeUndefined();
    expect(customerInputSchema.safeParse(row.draft).success).toBe(true);
  });

  it('reads the same date, when it exists, day first', () => {
    const row = importLine(headers, line.replace('31/02/1985', '03/02/1985'));
    expect(row.draft.birthDate).toBe('1985-02-03');
    expect(
      importLine(headers, line.replace('31/02/1985', '03/02/1985'), { dateOrder: 'mdy' }).draft
        .birthDate,
    ).toBe('1985-03-02');
  });

  it('reports what the customer schema refuses, by column', () => {
    const row = importLine(
      headers,
      `M.;${'X'.repeat(101)};Jean;pas-un-email;01/01/2999;Atlantis;klingon;peut-être`,
    );
    expect(row.problems).toEqual([
      { column: 1, target: 'lastName', message: 'tooLong' },
      { column: 3, target: 'email', message: 'invalidEmail' },
      { column: 5, target: 'country', message: 'invalidChoice' },
      { column: 6, target: 'language', message: 'invalidChoice' },
      { column: 4, target: 'birthDate', message: 'futureDate' },
      { column: 7, target: 'consentEmail', message: 'invalidYesNo' },
    ]);
    expect(row.draft).toEqual({
      source: 'import',
      sourceDetail: 'clients.csv',
      gender: 'male',
      firstName: 'Jean',
    });
    expect(row.consent).toEqual({ email: null, sms: null, post: null, phone: null });
  });
});

describe('rowToDraft, column by column', () => {
  const run = (
    mapping: (TargetId | null)[],
    cells: string[],
    more: Partial<RowToDraftOptions> = {},
  ) => rowToDraft(cells, mapping, { ...options, ...more });

  it('splits a full name when no first or last name column has a value', () => {
    expect(run(['fullName', 'email'], ['Dupont, Marie', 'm@example.fr']).draft).toMatchObject({
      firstName: 'Marie',
      lastName: 'Dupont',
    });
    expect(run(['fullName', 'firstName'], ['#1001', 'Marie']).draft).toMatchObject({
      firstName: 'Marie',
    });
    expect(run(['fullName', 'firstName'], ['#1001', 'Marie']).draft.lastName).toBeUndefined();
  });

  it('reads several emails and phones, in one cell or several columns', () => {
    const row = run(
      ['email', 'additionalEmail', 'phone', 'additionalPhone'],
      [
        'a@example.fr ::: b@example.fr',
        'c@example.fr',
        '06 12 34 56 78 ::: 01 23 45 67 89',
        '07 00 00 00 00',
      ],
    );
    expect(row.draft).toMatchObject({
      email: 'a@example.fr',
      additionalEmails: ['b@example.fr', 'c@example.fr'],
      phone: '06 12 34 56 78',
      additionalPhones: ['01 23 45 67 89', '07 00 00 00 00'],
    });
  });

  it('takes an additional email as the email when the email cell is empty or wrong', () => {
    const row = run(['email', 'additionalEmail'], ['pas un email', 'c@example.fr']);
    expect(row.draft.email).toBe('c@example.fr');
    expect(row.draft.additionalEmails).toBeUndefined();
    expect(row.problems).toEqual([{ column: 0, target: 'email', message: 'invalidEmail' }]);
  });

  it('leaves out ignored, unmapped and empty columns', () => {
    const row = run(['ignore', null, 'city', 'company'], ['a', 'b', '  ', 'ACME']);
    expect(row.draft).toEqual({ source: 'import', sourceDetail: 'clients.csv', company: 'ACME' });
    expect(row.externalId).toBe('');
  });

  it('appends the second address line, joins notes, and splits tags on , and ;', () => {
    const row = run(
      ['street', 'address2', 'notes', 'notes', 'tags', 'tags', 'interests'],
      ['1 rue Haute', 'Bât. C', 'Aime le bleu', 'Rappeler', 'vip; salon', 'vip,', 'vélo, café'],
    );
    expect(row.draft).toMatchObject({
      street: '1 rue Haute\nBât. C',
      notes: 'Aime le bleu\nRappeler',
      tags: ['vip', 'salon'], // a tag given twice is kept once
      interests: ['vélo', 'café'],
    });
  });

  it('a source column wins over the file name; a long file name is cut to fit', () => {
    expect(run(['sourceDetail', 'lastName'], ['Salon 2024', 'Durand']).draft.sourceDetail).toBe(
      'Salon 2024',
    );
    const long = `${'export-'.repeat(30)}.csv`;
    const row = run(['lastName', 'consentSms'], ['Durand', 'x'], { sourceName: long });
    expect(customerInputSchema.safeParse(row.draft).success).toBe(true);
    expect(row.draft.consent?.sms?.source).toHaveLength(100);
  });

  it('converts custom field values by type and reports those that do not fit', () => {
    const customFields: CustomField[] = [
      { id: 'size', label: 'Pointure', type: 'number', options: [] },
      { id: 'visit', label: 'Première visite', type: 'date', options: [] },
      { id: 'vip', label: 'VIP', type: 'yesNo', options: [] },
      { id: 'shop', label: 'Boutique', type: 'choice', options: ['Lyon', 'Évry'] },
      { id: 'likes', label: 'Goûts', type: 'multiChoice', options: ['Thé', 'Café'] },
      { id: 'memo', label: 'Mémo', type: 'text', options: [] },
    ];
    const mapping: TargetId[] = [
      'custom:size',
      'custom:visit',
      'custom:vip',
      'custom:shop',
      'custom:likes',
      'custom:memo',
    ];
    const good = run(mapping, ['42,5', '45658', 'oui', 'EVRY', 'café; thé', 'ok'], {
      customFields,
    });
    expect(good.draft.custom).toEqual({
      size: 42.5,
      visit: '2025-01-01',
      vip: true,
      shop: 'Évry',
      likes: ['Café', 'Thé'],
      memo: 'ok',
    });
    const bad = run(
      [...mapping, 'custom:gone'],
      ['grand', 'hier', 'bof', 'Paris', 'thé, chocolat', 'x'.repeat(501), 'z'],
      {
        customFields,
      },
    );
    expect(bad.problems.map((p) => [p.column, p.message])).toEqual([
      [0, 'invalidNumber'],
      [1, 'invalidDate'],
      [2, 'invalidYesNo'],
      [3, 'invalidChoice'],
      [4, 'invalidChoice'],
      [5, 'tooLong'],
      [6, 'unknownField'],
    ]);
    expect(bad.draft.custom).toBeUndefined();
  });
});

describe('rowToDraft on a real Thunderbird export (thunderbird-addrbook-import)', () => {
  it('imports both contacts by the recognized columns', () => {
    const bytes = new Uint8Array(
      readFileSync(new URL('thunderbird-addrbook-import/addrbook-unit-data/export.csv', corpus)),
    );
    const [headers, ...rows] = parseCsv(decodeText(bytes).text).rows;
    const mapping = recognizeColumns(headers!);
    const drafts = rows.map((cells) => rowToDraft(cells, mapping, options));
    expect(drafts.map((d) => [d.draft.firstName, d.draft.lastName])).toEqual([
      ['contact', 'one'],
      ['contact', 'two'],
    ]);
    expect(drafts[1]!.draft.jobTitle).toBe('"worker"');
  });
});
