// @vitest-environment jsdom
// jsdom gives a strict XML parser (DOMParser).
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sheetsToXlsx, uniqueSheetNames } from './workbook';

function parseXml(bytes: Uint8Array | undefined): Document {
  expect(bytes).toBeDefined();
  const doc = new DOMParser().parseFromString(strFromU8(bytes!), 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

function cellsOf(doc: Document) {
  const cells = new Map<string, { type: string | null; style: string | null; value?: string }>();
  for (const c of Array.from(doc.getElementsByTagName('c'))) {
    const v = c.getElementsByTagName('v')[0]?.textContent;
    const t = c.getElementsByTagName('t')[0]?.textContent;
    cells.set(c.getAttribute('r')!, {
      type: c.getAttribute('t'),
      style: c.getAttribute('s'),
      value: (v ?? t) || undefined,
    });
  }
  return cells;
}

describe('sheetsToXlsx', () => {
  const bytes = sheetsToXlsx([
    {
      name: 'Summary',
      header: ['KPI', 'Value', 'Share'],
      rows: [
        ['Revenue <&>', { moneyMinor: 123456 }, { share: 0.125 }],
        ['Orders', 42, null],
      ],
    },
    {
      name: 'Top: customers/2026',
      header: ['Customer', 'Since', 'Orders'],
      rows: [['<img src=x onerror=alert(1)>', { date: '2026-01-31' }, 3]],
    },
    { name: 'summary', header: ['Empty'], rows: [] },
  ]);
  const files = unzipSync(bytes);

  it('is a zip with one well-formed part per sheet, named, cleaned and unique', () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
      ].sort(),
    );
    for (const part of Object.values(files)) parseXml(part);
    const workbook = parseXml(files['xl/workbook.xml']);
    const sheets = Array.from(workbook.getElementsByTagName('sheet'));
    expect(sheets.map((s) => s.getAttribute('name'))).toEqual([
      'Summary',
      'Top customers 2026',
      'summary (2)',
    ]);
    const rels = strFromU8(files['xl/_rels/workbook.xml.rels']!);
    expect(rels).toContain('Target="worksheets/sheet3.xml"');
    expect(strFromU8(files['[Content_Types].xml']!)).toContain('/xl/worksheets/sheet3.xml');
  });

  it('writes numbers as numbers: amounts with two decimals, shares as percentages, days as dates', () => {
    const cells = cellsOf(parseXml(files['xl/worksheets/sheet1.xml']));
    expect(cells.get('B2')).toEqual({ type: null, style: '2', value: '1234.56' });
    expect(cells.get('C2')).toEqual({ type: null, style: '3', value: '0.125' });
    expect(cells.get('B3')).toEqual({ type: null, style: null, value: '42' });
    expect(cells.has('C3')).toBe(false);
    const top = cellsOf(parseXml(files['xl/worksheets/sheet2.xml']));
    expect(top.get('B2')).toEqual({ type: null, style: '4', value: '46053' });
    const formats = Array.from(
      parseXml(files['xl/styles.xml']).getElementsByTagName('cellXfs')[0]!.children,
    ).map((xf) => xf.getAttribute('numFmtId'));
    expect(formats).toEqual(['0', '0', '4', '10', '14']);
  });

  it('writes a bold header and text escaped, never as markup or a formula', () => {
    const doc = parseXml(files['xl/worksheets/sheet2.xml']);
    const cells = cellsOf(doc);
    expect(cells.get('A1')).toEqual({ type: 'inlineStr', style: '1', value: 'Customer' });
    expect(cells.get('A2')).toEqual({
      type: 'inlineStr',
      style: null,
      value: '<img src=x onerror=alert(1)>',
    });
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
    expect(doc.getElementsByTagName('f')).toHaveLength(0);
    const xml = strFromU8(files['xl/worksheets/sheet2.xml']!);
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toContain('Revenue &lt;&amp;&gt;');
  });

  it('refuses a workbook with no sheet', () => {
    expect(() => sheetsToXlsx([])).toThrow(/at least one sheet/);
  });

  it('keeps sheet names unique within 31 characters', () => {
    const long = 'x'.repeat(40);
    expect(uniqueSheetNames([long, long, 'History'])).toEqual([
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
      'Sheet1',
    ]);
  });
});
