import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { translate, type Language } from '../../../i18n/translate';
import { reportWorkbook } from './reportWorkbook';
import { testBoard } from './testBoard';

/** The workbook's sheets by tab name, each as its cells by reference. */
function readWorkbook(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const parse = (name: string) =>
    new DOMParser().parseFromString(strFromU8(files[name]!), 'application/xml');
  const sheets = Array.from(parse('xl/workbook.xml').getElementsByTagName('sheet'));
  return Object.fromEntries(
    sheets.map((sheet, i) => {
      const doc = parse(`xl/worksheets/sheet${i + 1}.xml`);
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      const cells = new Map<string, { style: string | null; number?: number; text?: string }>();
      for (const c of Array.from(doc.getElementsByTagName('c'))) {
        const v = c.getElementsByTagName('v')[0]?.textContent;
        const t = c.getElementsByTagName('t')[0]?.textContent;
        cells.set(c.getAttribute('r')!, {
          style: c.getAttribute('s'),
          ...(v === undefined || v === null ? { text: t ?? '' } : { number: Number(v) }),
        });
      }
      return [sheet.getAttribute('name')!, cells];
    }),
  );
}

const workbook = (language: Language) =>
  readWorkbook(
    reportWorkbook({
      board: testBoard(),
      t: (key, params) => translate(language, key, params),
      currency: 'EUR',
      about: [['Period', 'Nov 1, 2026 to Nov 30, 2026'], ['Generated on Dec 2, 2026']],
    }),
  );

describe('reportWorkbook', () => {
  it('has a sheet per table, named in the user’s language', () => {
    expect(Object.keys(workbook('en'))).toEqual([
      'Summary',
      'Sales over time',
      'Cohorts',
      'RFM groups',
      'RFM grid',
      'Top customers',
    ]);
    expect(Object.keys(workbook('fr'))).toEqual([
      'Synthèse',
      'Ventes dans le temps',
      'Cohortes',
      'Groupes RFM',
      'Grille RFM',
      'Meilleurs clients',
    ]);
  });

  it('holds the figures as numbers: amounts, shares, counts and days', () => {
    const sheets = workbook('en');
    const summary = sheets['Summary']!;
    expect(summary.get('A1')).toEqual({ style: '1', text: 'Figure' });
    expect(summary.get('A2')?.text).toBe('Revenue');
    expect(summary.get('B2')).toEqual({ style: '2', number: 1234567.89 });
    expect(summary.get('C2')).toEqual({ style: '2', number: 1000000 });
    expect(summary.get('D2')).toEqual({ style: '2', number: 234567.89 });
    expect(summary.get('E2')?.style).toBe('3');
    expect(summary.get('E2')?.number).toBeCloseTo(0.2345679, 6);
    expect(summary.get('F2')?.text).toMatch(/orders minus its refunds/);
    expect(summary.get('B3')).toEqual({ style: null, number: 42 });
    expect(summary.get('A18')?.text).toBe('Period');
    expect(summary.get('A19')?.text).toBe('Generated on Dec 2, 2026');
    const series = sheets['Sales over time']!;
    expect(series.get('B1')?.text).toBe('Revenue (EUR)');
    expect(series.get('A2')).toEqual({ style: '4', number: 46327 }); // 1 Nov 2026
    expect(series.get('B4')).toEqual({ style: '2', number: 334567.89 });
    const cohorts = sheets['Cohorts']!;
    expect(cohorts.get('D2')).toEqual({ style: '3', number: 0.5 });
    expect(cohorts.has('C3')).toBe(false);
    expect(sheets['RFM grid']!.get('F2')).toEqual({ style: null, number: 1234 });
    expect(sheets['RFM groups']!.get('A2')?.text).toBe('Champions');
  });

  it('writes customer names as text, escaped', () => {
    const top = workbook('en')['Top customers']!;
    expect(top.get('B2')).toEqual({ style: null, text: '<img src=x onerror=alert(1)>' });
    expect(top.get('B3')?.text).toBe('Éloïse & Fils "Vélos"');
    expect(top.get('C2')).toEqual({ style: '2', number: 12345.67 });
    const bytes = reportWorkbook({
      board: testBoard(),
      t: (key, params) => translate('en', key, params),
      currency: 'EUR',
      about: [],
    });
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet6.xml']!);
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(xml).not.toContain('<img');
  });
});
