// @vitest-environment jsdom
// jsdom gives a strict XML parser (DOMParser), and runs the writer in a browser-like realm.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../domain/customer';
import { testCustomer } from '../domain/testCustomer';
import type { ExportColumn } from './exportColumns';
import { columnLetters, customersToXlsx, escapeXml, excelDaySerial, safeSheetName } from './xlsx';

const PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
];

interface ReadCell {
  type: string | null;
  style: string | null;
  value: string | null;
  text: string | null;
}

/** Undoes the OOXML `_xHHHH_` escape, as a spreadsheet does when it reads a string. */
const unescapeOoxml = (text: string) =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function parseXml(bytes: Uint8Array | undefined): Document {
  expect(bytes).toBeDefined();
  const doc = new DOMParser().parseFromString(strFromU8(bytes!), 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

/** Unzips the workbook, checks every part is well-formed XML, and returns its cells by ref. */
function readXlsx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  expect(Object.keys(files).sort()).toEqual([...PARTS].sort());
  const docs = Object.fromEntries(PARTS.map((name) => [name, parseXml(files[name])]));
  const sheet = docs['xl/worksheets/sheet1.xml']!;
  const cells = new Map<string, ReadCell>();
  for (const c of Array.from(sheet.getElementsByTagName('c'))) {
    const t = c.getElementsByTagName('t')[0];
    cells.set(c.getAttribute('r')!, {
      type: c.getAttribute('t'),
      style: c.getAttribute('s'),
      value: c.getElementsByTagName('v')[0]?.textContent ?? null,
      text: t ? unescapeOoxml(t.textContent ?? '') : null,
    });
  }
  return { docs, sheet, cells, sheetXml: strFromU8(files['xl/worksheets/sheet1.xml']!) };
}

const columns: ExportColumn[] = [
  'lastName',
  'notes',
  'orderCount',
  'totalSpent',
  'birthDate',
  'consent:email',
  'custom:loyalty',
  'tags',
];
const customers: Customer[] = [
  testCustomer('c1', {
    lastName: 'Éloïse Çà-et-là 日本',
    notes: '=HYPERLINK("http://evil.example","x") <b>&amp;</b> "quoted"\r\nsecond line',
    birthDate: '1985-07-14',
    consent: {
      email: { granted: true, at: 1, source: 'counter' },
      sms: null,
      post: null,
      phone: null,
    },
    custom: { loyalty: -12.5 },
    tags: ['vip', 'été'],
    figures: {
      orderCount: 3,
      totalSpentMinor: 123456,
      firstPurchaseAt: null,
      lastPurchaseAt: null,
      lastInteractionAt: null,
    },
  }),
  testCustomer('c2', { lastName: '+33612345678', notes: ' _x0041_ \u0001 bell\u0007 ' }),
];

describe('customersToXlsx', () => {
  const bytes = customersToXlsx(customers, columns, {
    sheetName: 'Clients: mai/2024',
    labelOf: (c) => (c === 'lastName' ? 'Nom <&>' : c),
  });
  const { docs, sheet, cells, sheetXml } = readXlsx(bytes);

  it('is a zip of the six parts a workbook needs, each well-formed XML', () => {
    expect(bytes[0]).toBe(0x50); // "PK"
    expect(bytes[1]).toBe(0x4b);
    const name = docs['xl/workbook.xml']!.getElementsByTagName('sheet')[0]!.getAttribute('name');
    expect(name).toBe('Clients mai 2024');
  });

  it('writes a bold, frozen header row with the labels, escaped', () => {
    expect(cells.get('A1')).toMatchObject({ type: 'inlineStr', style: '1', text: 'Nom <&>' });
    expect(cells.get('B1')?.text).toBe('notes');
    const font = docs['xl/styles.xml']!.getElementsByTagName('font')[1]!;
    expect(font.getElementsByTagName('b')).toHaveLength(1);
    expect(sheet.getElementsByTagName('pane')[0]?.getAttribute('state')).toBe('frozen');
    expect(sheet.getElementsByTagName('dimension')[0]?.getAttribute('ref')).toBe('A1:H3');
  });

  it('keeps text as text, accents and XML characters intact, a formula never a formula', () => {
    expect(cells.get('A2')).toMatchObject({ type: 'inlineStr', text: 'Éloïse Çà-et-là 日本' });
    expect(cells.get('B2')?.text).toBe(customers[0]!.notes);
    expect(sheet.getElementsByTagName('f')).toHaveLength(0);
    expect(cells.get('A3')).toMatchObject({ type: 'inlineStr', text: '+33612345678' });
    expect(cells.get('B3')?.text).toBe(' _x0041_ \u0001 bell\u0007 ');
    expect(cells.get('H2')?.text).toBe('vip, été');
  });

  it('writes numbers as numbers, money with two decimals, dates as day serials, yes/no as booleans', () => {
    expect(cells.get('C2')).toEqual({ type: null, style: null, value: '3', text: null });
    expect(cells.get('D2')).toEqual({ type: null, style: '3', value: '1234.56', text: null });
    expect(cells.get('E2')).toEqual({ type: null, style: '2', value: '31242', text: null });
    expect(cells.get('F2')).toEqual({ type: 'b', style: null, value: '1', text: null });
    expect(cells.get('G2')).toMatchObject({ type: null, value: '-12.5' });
    const formats = Array.from(docs['xl/styles.xml']!.getElementsByTagName('cellXfs')[0]!.children);
    expect(formats.map((xf) => xf.getAttribute('numFmtId'))).toEqual(['0', '0', '14', '4']);
  });

  it('writes no cell for an empty value, and a column width per column', () => {
    expect(cells.has('E3')).toBe(false);
    expect(cells.has('F3')).toBe(false);
    expect(cells.get('D3')?.value).toBe('0');
    const widths = Array.from(sheet.getElementsByTagName('col')).map((c) =>
      Number(c.getAttribute('width')),
    );
    expect(widths).toHaveLength(columns.length);
    expect(widths.every((w) => w >= 8 && w <= 60)).toBe(true);
    expect(widths[1]).toBe(60);
    expect(sheetXml).toContain('xml:space="preserve"');
  });

  it('refuses an export with no column', () => {
    expect(() => customersToXlsx([], [], { sheetName: 'x' })).toThrow(/at least one column/);
  });

  it('writes a sheet with only its header when there is no customer', () => {
    const empty = readXlsx(customersToXlsx([], ['email'], { sheetName: 'Empty' }));
    expect([...empty.cells.keys()]).toEqual(['A1']);
  });
});

describe('pieces of the format', () => {
  it.each([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-03-01', 61],
    ['1985-07-14', 31242],
    ['2024-05-01', 45413],
    ['1899-12-31', null],
  ])('%s is Excel day %s', (day, serial) => expect(excelDaySerial(day)).toBe(serial));

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letters) => expect(columnLetters(index)).toBe(letters));

  it.each([
    ['Customers', 'Customers'],
    ["'Quoted'", 'Quoted'],
    ['a[b]c*d?e\\f', 'a b c d e f'],
    ['', 'Sheet1'],
    ['History', 'Sheet1'],
    ['x'.repeat(40), 'x'.repeat(31)],
  ])('sheet name %j becomes %j', (name, safe) => expect(safeSheetName(name)).toBe(safe));

  it('escapes XML, characters XML cannot hold, and text that looks like an escape', () => {
    expect(escapeXml('plain')).toBe('plain');
    expect(escapeXml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(escapeXml('a\r\nb\u0000')).toBe('a_x000D_\nb_x0000_');
    expect(escapeXml('_x0041_')).toBe('_x005F_x0041_');
    expect(escapeXml('lone \uD800 surrogate')).toBe('lone _xD800_ surrogate');
  });
});
