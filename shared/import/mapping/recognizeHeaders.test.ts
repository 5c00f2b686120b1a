import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../decodeText';
import { parseCsv } from '../parseCsv';
import { ALIAS_HEADERS, headerKey } from './headerAliases';
import { isMultipleTarget, type TargetId } from './importTargets';
import { looksLikeHeader, recognizeColumns } from './recognizeHeaders';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);
const rowsOf = (path: string) =>
  parseCsv(decodeText(new Uint8Array(readFileSync(new URL(path, corpus)))).text).rows;

interface CatalogueEntry {
  id: string;
  header: string;
}
const catalogue: CatalogueEntry[] = JSON.parse(
  readFileSync(new URL('crm-export-headers/headers.json', corpus), 'utf8'),
);
const headersOf = (entry: CatalogueEntry) => parseCsv(entry.header).rows[0]!;

/** For each export: the header each target must come from (absent: the export has none). */
const EXPECTED: Record<string, Partial<Record<TargetId, string>>> = {
  shopify_orders_export: {
    fullName: 'Billing Name',
    email: 'Email',
    phone: 'Phone',
    street: 'Billing Address1',
    address2: 'Billing Address2',
    city: 'Billing City',
    postalCode: 'Billing Zip',
    country: 'Billing Country',
    company: 'Billing Company',
    consentEmail: 'Accepts Marketing',
    tags: 'Tags',
    notes: 'Notes',
  },
  shopify_customers_export_2023: {
    externalId: 'Customer ID',
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'Email',
    phone: 'Phone',
    consentEmail: 'Accepts Email Marketing',
    consentSms: 'Accepts SMS Marketing',
    company: 'Default Address Company',
    street: 'Default Address Address1',
    address2: 'Default Address Address2',
    city: 'Default Address City',
    country: 'Default Address Country Code',
    postalCode: 'Default Address Zip',
    notes: 'Note',
    tags: 'Tags',
  },
  shopify_customers_template_2022: {
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'Email',
    phone: 'Phone',
    consentEmail: 'Accepts Email Marketing',
    consentSms: 'Accepts SMS Marketing',
    street: 'Address1',
    address2: 'Address2',
    country: 'Country Code',
    postalCode: 'Zip',
  },
  shopify_customers_legacy: {
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'Email',
    phone: 'Phone',
    consentEmail: 'Accepts Marketing',
    country: 'Country Code',
  },
  thunderbird_csv_export: {
    firstName: 'First Name',
    lastName: 'Last Name',
    fullName: 'Display Name',
    email: 'Primary Email',
    phone: 'Mobile Number',
    street: 'Home Address',
    address2: 'Home Address 2',
    postalCode: 'Home ZipCode',
    company: 'Organization',
    jobTitle: 'Job Title',
  },
  outlook_com_contacts_csv: {
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'E-mail Address',
    phone: 'Primary Phone',
    street: 'Home Street',
    city: 'Home City',
    birthDate: 'Birthday',
    company: 'Company',
  },
  google_contacts_csv_new: {
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'E-mail 1 - Value',
    company: 'Organization Name',
    jobTitle: 'Organization Title',
    birthDate: 'Birthday',
  },
  google_contacts_csv_legacy: {
    fullName: 'Name',
    firstName: 'Given Name',
    lastName: 'Family Name',
    email: 'E-mail 1 - Value',
    phone: 'Phone 1 - Value',
    gender: 'Gender',
    company: 'Organization 1 - Name',
    jobTitle: 'Organization 1 - Title',
  },
  mailchimp_audience_export: {
    email: 'Email Address',
    firstName: 'First Name',
    lastName: 'Last Name',
    street: 'Address',
    phone: 'Phone Number',
    birthDate: 'Birthday',
  },
  hubspot_contacts_export: {
    externalId: 'Record ID',
    firstName: 'First Name',
    lastName: 'Last Name',
    email: 'Email',
    phone: 'Phone Number',
    company: 'Associated Company',
  },
};

describe('recognizeColumns on the export header catalogue (crm-export-headers)', () => {
  it('has an expectation for every export of the catalogue', () => {
    expect(catalogue.map((entry) => entry.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(catalogue)('$id: names, email and phone come from the right columns', (entry) => {
    const headers = headersOf(entry);
    const mapping = recognizeColumns(headers);
    const expected = EXPECTED[entry.id]!;
    // Every export of the catalogue has an email column and some name column.
    expect(expected.email).toBeDefined();
    expect(expected.lastName ?? expected.fullName).toBeDefined();
    for (const [target, header] of Object.entries(expected)) {
      expect({ target, header: headers[mapping.indexOf(target as TargetId)] }).toEqual({
        target,
        header,
      });
    }
    // A phone column in the export is always found.
    if (headers.some((h) => /\bphone\b/i.test(h) && !/fax|type|label/i.test(h))) {
      expect(mapping).toContain('phone');
    }
  });

  it.each(catalogue)('$id: no two columns fill a field that holds one value', (entry) => {
    const single = recognizeColumns(headersOf(entry)).filter(
      (t) => t !== null && !isMultipleTarget(t),
    );
    expect(single).toEqual([...new Set(single)]);
  });

  it('keeps the other phones of Thunderbird as additional phones', () => {
    const headers = headersOf(catalogue.find((e) => e.id === 'thunderbird_csv_export')!);
    const mapping = recognizeColumns(headers);
    expect(mapping[headers.indexOf('Home Phone')]).toBe('additionalPhone');
    expect(mapping[headers.indexOf('Work Phone')]).toBe('additionalPhone');
    expect(mapping[headers.indexOf('Secondary Email')]).toBe('additionalEmail');
  });

  it('drops the shipping and billing phones of a Shopify order rather than keep a stranger’s', () => {
    const headers = headersOf(catalogue.find((e) => e.id === 'shopify_orders_export')!);
    const mapping = recognizeColumns(headers);
    expect(mapping[headers.indexOf('Billing Phone')]).toBeNull();
    expect(mapping[headers.indexOf('Shipping Phone')]).toBeNull();
    expect(mapping[headers.indexOf('Shipping City')]).toBeNull();
    expect(mapping[headers.indexOf('Name')]).toBeNull(); // the order number
  });
});

describe('recognizeColumns on French spreadsheets', () => {
  it('maps a whole French header row', () => {
    const headers = [
      'Civilité',
      'Nom',
      'Prénom',
      'Adresse e-mail',
      'Téléphone',
      'Portable',
      'Adresse',
      "Complément d'adresse",
      'CP',
      'Ville',
      'Pays',
      'Date de naissance',
      'Société',
      'Fonction',
      'Langue',
      'Commentaire',
      'Étiquettes',
      'Accepte les emails',
      'Statut',
      'N° client',
    ];
    expect(recognizeColumns(headers)).toEqual([
      'gender',
      'lastName',
      'firstName',
      'email',
      'phone',
      'additionalPhone',
      'street',
      'address2',
      'postalCode',
      'city',
      'country',
      'birthDate',
      'company',
      'jobTitle',
      'language',
      'notes',
      'tags',
      'consentEmail',
      'status',
      'externalId',
    ]);
  });

  it.each([
    ['Courriel', 'email'],
    ['E-mail', 'email'],
    ['EMAIL', 'email'],
    ['Mail', 'email'],
    ['Adresse mail', 'email'],
    ['Tél.', 'phone'],
    ['tel', 'phone'],
    ['Mobile', 'phone'],
    ['Nom complet', 'fullName'],
    ['NOM', 'lastName'],
    ['prenom', 'firstName'],
    ['Code Postal', 'postalCode'],
    ['Entreprise', 'company'],
    ['Poste', 'jobTitle'],
    ['Sexe', 'gender'],
    ['Notes', 'notes'],
    ['Tags', 'tags'],
    ['Newsletter', 'consentEmail'],
    ['Opt-in', 'consentEmail'],
    ['  Ville  ', 'city'],
  ] as const)('%s is %s', (header, target) => {
    expect(recognizeColumns([header])).toEqual([target]);
  });

  it('leaves unknown and empty headers to the user', () => {
    expect(recognizeColumns(['Couleur préférée', '', 'Total Spent'])).toEqual([null, null, null]);
  });

  it('gives a field to the first of two equally good columns', () => {
    expect(recognizeColumns(['Newsletter', 'Opt-in'])).toEqual(['consentEmail', null]);
  });

  it('reads a Shopify metafield column by the name before its key', () => {
    expect(recognizeColumns(['Date de naissance (customer.metafields.facts.birth_date)'])).toEqual([
      'birthDate',
    ]);
  });
});

describe('recognizeColumns with custom fields', () => {
  const custom = [
    { id: 'loyalty', label: 'Carte fidélité' },
    { id: 'newsletter', label: 'Newsletter' },
  ];
  it('matches a custom field by its label, whatever the accents and case', () => {
    expect(recognizeColumns(['CARTE FIDELITE', 'Email'], custom)).toEqual([
      'custom:loyalty',
      'email',
    ]);
  });
  it('prefers the user’s own field to a built-in one of the same name', () => {
    expect(recognizeColumns(['Newsletter'], custom)).toEqual(['custom:newsletter']);
  });
});

describe('header aliases', () => {
  it('claims each header key once', () => {
    const keys = ALIAS_HEADERS.map(headerKey);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });
});

describe('looksLikeHeader', () => {
  it.each(catalogue)('$id: its header row is a header', (entry) => {
    expect(looksLikeHeader(headersOf(entry))).toBe(true);
  });

  it('Thunderbird’s real exports start with a header, csv_no_header.csv does not', () => {
    const exported = rowsOf('thunderbird-addrbook-import/addrbook-unit-data/export.csv');
    expect(looksLikeHeader(exported[0]!, exported[1])).toBe(true);
    const basic = rowsOf('thunderbird-addrbook-import/import-resources/basic_addressbook.csv');
    expect(looksLikeHeader(basic[0]!, basic[1])).toBe(true);
    const bare = rowsOf('thunderbird-addrbook-import/import-resources/csv_no_header.csv');
    expect(looksLikeHeader(bare[0]!, bare[1])).toBe(false);
  });

  it('csvkit’s no_header_row.csv does not start with a header', () => {
    const rows = rowsOf('csvkit-examples/no_header_row.csv');
    expect(looksLikeHeader(rows[0]!, rows[1])).toBe(false);
  });

  it('a data row with a date, a phone or a number is no header', () => {
    expect(looksLikeHeader(['Marie', 'Dupont', '12/03/1985'])).toBe(false);
    expect(looksLikeHeader(['Nom', 'Prénom', '06 12 34 56 78'])).toBe(false);
    expect(looksLikeHeader(['John', 'Doe', 'john.doe@shopify.com', '123 Fake Street'])).toBe(false);
  });

  it('unknown labels are a header only when the next row holds values', () => {
    expect(looksLikeHeader(['Couleur', 'Pointure'], ['Bleu', '42'])).toBe(true);
    expect(looksLikeHeader(['Marie', 'Dupont', 'Paris'], ['Jean', 'Martin', 'Lyon'])).toBe(false);
    expect(looksLikeHeader(['Couleur', 'Pointure'])).toBe(false);
    expect(looksLikeHeader(['', ''])).toBe(false);
  });
});
