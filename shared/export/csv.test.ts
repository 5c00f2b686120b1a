import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../domain/customer';
import { testCustomer } from '../domain/testCustomer';
import { decodeText } from '../import/decodeText';
import { parseCsv } from '../import/parseCsv';
import {
  customersToCsv,
  defaultDelimiter,
  neutralizeFormula,
  streamCustomersToCsv,
  type CsvExportOptions,
  type ExportDelimiter,
} from './csv';
import type { ExportColumn } from './exportColumns';

const corpus = new URL('../../../shared/corpus/', import.meta.url);
const DELIMITERS: ExportDelimiter[] = [',', ';', '\t'];
const TEXT_COLUMNS: ExportColumn[] = ['firstName', 'lastName', 'city', 'notes'];

/** The file as a user's program reads it: bytes, decoded (BOM dropped), parsed with our parser. */
function readBack(csv: string, delimiter: ExportDelimiter): string[][] {
  const { text } = decodeText(new TextEncoder().encode(csv));
  const parsed = parseCsv(text, delimiter);
  expect(parsed.problems).toEqual([]);
  return parsed.rows;
}

const withText = (values: string[]): Customer[] =>
  values.map((v, i) =>
    testCustomer(`c${i}`, { firstName: v, lastName: `${v}!`, city: ` ${v}`, notes: v }),
  );
const expectedRows = (values: string[]) =>
  values.map((v) => [v, `${v}!`, ` ${v}`, v].map(neutralizeFormula));

describe('neutralizeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example","Click")', `'=HYPERLINK("http://evil.example","Click")`],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\rtext', "'\rtext"],
    ['\0=1+1', "'\0=1+1"],
    ["+2+3+cmd|' /C calc'!A0", "'+2+3+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['+A1', "'+A1"],
    ['-1e5', "'-1e5"],
    ['-', "'-"],
    ['- a note', "'- a note"],
    ['+1\n=1+1', "'+1\n=1+1"],
  ])('%j becomes %j', (cell, written) => expect(neutralizeFormula(cell)).toBe(written));

  it.each([
    '-12.5',
    '+3',
    '-0,75',
    '+33612345678',
    '+33 6 12 34 56 78',
    '+44 (0)7400 123456',
    '+1-202-555-0143',
    '+33612345678, +33698765432',
    'a=1',
    'Dupont-Moretti',
    '',
    '1+1',
  ])('%j stays as it is', (cell) => expect(neutralizeFormula(cell)).toBe(cell));
});

describe('defaultDelimiter', () => {
  it.each([
    ['fr', ';'],
    ['de', ';'],
    ['es', ';'],
    ['en', ','],
    ['zh', ','],
    ['', ','],
    ['not a language!', ','],
  ])('%j -> %j', (language, delimiter) => expect(defaultDelimiter(language)).toBe(delimiter));
});

describe('customersToCsv', () => {
  const tricky = [
    'Plain',
    'Éloïse, Zoë & Çédric',
    'He said "hello"',
    'two\nlines',
    'windows\r\nlines',
    'semi;colon',
    'tab\there',
    '  spaces around  ',
    '=1+1',
    '+33612345678',
    '-12.5',
    '@user',
    '日本語 😀',
    '"',
    '',
  ];

  it.each(DELIMITERS)('reads back exactly, delimiter %j, with a BOM', (delimiter) => {
    const csv = customersToCsv(withText(tricky), TEXT_COLUMNS, {
      delimiter,
      bom: true,
      header: 'ids',
    });
    expect(csv.startsWith('\uFEFFfirstName')).toBe(true);
    expect(readBack(csv, delimiter)).toEqual([TEXT_COLUMNS, ...expectedRows(tricky)]);
  });

  it.each(DELIMITERS)('reads back any text exactly, delimiter %j (property)', (delimiter) => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({
        unit: fc.constantFrom('"', ',', ';', '\t', '\r', '\n', ' ', '=', '+', '-', '1'),
      }),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (values) => {
        const csv = customersToCsv(withText(values), TEXT_COLUMNS, {
          delimiter,
          bom: false,
          header: 'ids',
        });
        expect(readBack(csv, delimiter)).toEqual([TEXT_COLUMNS, ...expectedRows(values)]);
      }),
      { numRuns: 150 },
    );
  });

  it('reads back every value of the csv-spectrum corpus, put in notes', () => {
    const folder = new URL('csv-spectrum/json/', corpus);
    const values = readdirSync(folder).flatMap((file) => {
      const data: unknown = JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
      return (Array.isArray(data) ? data : [data]).flatMap((row) => Object.values(row as object));
    });
    const cells = values.map(String);
    expect(cells.length).toBeGreaterThan(30);
    expect(cells.some((c) => c.includes('\n') && c.includes('"'))).toBe(true);
    for (const delimiter of DELIMITERS) {
      const csv = customersToCsv(withText(cells), TEXT_COLUMNS, {
        delimiter,
        bom: false,
        header: 'ids',
      });
      expect(readBack(csv, delimiter)).toEqual([TEXT_COLUMNS, ...expectedRows(cells)]);
    }
  });

  it('writes labels, translated when given, CRLF after every row, and no BOM unless asked', () => {
    const customers = [testCustomer('c1', { lastName: 'Martin', figures: withSpent(1999) })];
    const columns: ExportColumn[] = ['lastName', 'totalSpent', 'custom:loyalty'];
    const english = customersToCsv(customers, columns, {
      delimiter: ',',
      bom: false,
      header: 'labels',
    });
    expect(english).toBe('Last name,Total spent,loyalty\r\nMartin,19.99,\r\n');
    const french = customersToCsv(customers, columns, {
      delimiter: ';',
      bom: false,
      header: 'labels',
      labelOf: (c) =>
        ({ lastName: 'Nom', totalSpent: '=Total dépensé' })[c as string] ?? 'Fidélité',
    });
    expect(french).toBe("Nom;'=Total dépensé;Fidélité\r\nMartin;19.99;\r\n");
  });

  it('quotes the empty cells of a one-column export, so blank-line skipping readers keep the row', () => {
    const customers = [
      testCustomer('a', { city: 'Lyon' }),
      testCustomer('b'),
      testCustomer('c', { city: 'Nantes' }),
    ];
    const csv = customersToCsv(customers, ['city'], { delimiter: ',', bom: false, header: 'ids' });
    expect(csv).toBe('city\r\nLyon\r\n""\r\nNantes\r\n');
    // Our own parseCsv (skipEmptyLines) still drops a row holding one empty cell, quoted or not.
    expect(readBack(csv, ',')).toEqual([['city'], ['Lyon'], ['Nantes']]);
  });

  it('refuses an export with no column', () => {
    expect(() => customersToCsv([], [], { delimiter: ',', bom: false, header: 'ids' })).toThrow(
      /at least one column/,
    );
  });
});

describe('streamCustomersToCsv', () => {
  const options: CsvExportOptions = { delimiter: ';', bom: true, header: 'labels' };
  const customers = Array.from({ length: 5 }, (_, i) =>
    testCustomer(`c${i}`, { lastName: `N${i}` }),
  );

  it('yields the header, then chunks of rows that join into the whole file', () => {
    const chunks = [...streamCustomersToCsv(customers, ['lastName', 'email'], options, 2)];
    expect(chunks).toHaveLength(4);
    expect(chunks[0]).toBe('\uFEFFLast name;Email\r\n');
    expect(chunks[3]).toBe('N4;\r\n');
    expect(chunks.join('')).toBe(customersToCsv(customers, ['lastName', 'email'], options));
  });

  it('refuses a chunk size under 1', () => {
    expect(() => [...streamCustomersToCsv(customers, ['lastName'], options, 0)]).toThrow(
      /chunkRows/,
    );
  });
});

function withSpent(totalSpentMinor: number) {
  return {
    orderCount: 1,
    totalSpentMinor,
    firstPurchaseAt: null,
    lastPurchaseAt: null,
    lastInteractionAt: null,
  };
}
