import { strToU8, zipSync } from 'fflate';
import {
  MAIN_NS,
  PKG_REL_NS,
  REL_NS,
  XML_HEAD,
  columnLetters,
  escapeXml,
  excelDaySerial,
  safeSheetName,
  stylesXml,
  textCell,
} from './xlsx';

/**
 * One cell: text, a plain number, an amount in minor units (cents), a share (0.25 = 25 %), a
 * YYYY-MM-DD day, or nothing.
 */
export type WorkbookCell =
  string | number | null | { moneyMinor: number } | { share: number } | { date: string };

export interface WorkbookSheet {
  /** The tab's name: cleaned as `safeSheetName` does, and made unique in the workbook. */
  name: string;
  header: readonly string[];
  rows: readonly (readonly WorkbookCell[])[];
}

/** Cell styles by index in `cellXfs`: 4 is #,##0.00, 10 is 0.00 %, 14 the reader's short date. */
const STYLE = { header: 1, money: 2, share: 3, date: 4 } as const;
const STYLES = stylesXml([
  [0, 0],
  [0, 1],
  [4, 0],
  [10, 0],
  [14, 0],
]);

const CONTENT_TYPES = (count: number) =>
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetNumbers(
    count,
  )
    .map(
      (n) =>
        `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join(
      '',
    )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = (count: number) =>
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheetNumbers(count)
    .map(
      (n) =>
        `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`,
    )
    .join(
      '',
    )}<Relationship Id="rId${count + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
const WORKBOOK = (names: readonly string[]) =>
  `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${names
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;

function sheetNumbers(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** Tab names Excel accepts, none twice (Excel compares them ignoring case). */
export function uniqueSheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = safeSheetName(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${Array.from(base)
        .slice(0, 31 - suffix.length)
        .join('')
        .trim()}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

function cellXml(ref: string, value: WorkbookCell): string {
  if (value === null) return '';
  if (typeof value === 'string') return value === '' ? '' : textCell(ref, value);
  const number = (n: number, style = 0) =>
    Number.isFinite(n) ? `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${n}</v></c>` : '';
  if (typeof value === 'number') return number(value);
  if ('moneyMinor' in value) return number(value.moneyMinor / 100, STYLE.money);
  if ('share' in value) return number(value.share, STYLE.share);
  const serial = /^\d{4}-\d{2}-\d{2}$/.test(value.date) ? excelDaySerial(value.date) : null;
  return serial === null ? textCell(ref, value.date) : number(serial, STYLE.date);
}

/** Characters a cell shows, to size its column. */
function shownWidth(value: WorkbookCell): number {
  if (value === null) return 0;
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value).length;
  if ('moneyMinor' in value) return String(Math.round(value.moneyMinor / 100)).length + 6;
  if ('share' in value) return 8;
  return 10;
}

function sheetXml(sheet: WorkbookSheet): string {
  const width = Math.max(1, sheet.header.length, ...sheet.rows.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, i) => columnLetters(i));
  const widths = letters.map((_, c) =>
    Math.min(
      60,
      Math.max(
        8,
        Math.ceil(
          Math.max(
            (sheet.header[c] ?? '').length * 1.1,
            ...sheet.rows.map((r) => shownWidth(r[c] ?? null)),
          ) + 2,
        ),
      ),
    ),
  );
  const cols = widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const header = sheet.header
    .map((label, c) => (label === '' ? '' : textCell(`${letters[c]}1`, label, STYLE.header)))
    .join('');
  const rows = sheet.rows
    .map((row, r) => {
      const at = r + 2;
      return `<row r="${at}">${row.map((value, c) => cellXml(`${letters[c]}${at}`, value)).join('')}</row>`;
    })
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:${letters[width - 1]}${sheet.rows.length + 1}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>${rows}</sheetData></worksheet>`
  );
}

/**
 * Small tables as one .xlsx workbook, a sheet each: a bold, frozen header row, numbers as
 * numbers (amounts with two decimals, shares as percentages, days as dates), text as inline
 * strings so nothing is ever read as a formula. For reports of a few thousand rows at most:
 * the customer export, which may hold 100k rows, streams instead (see xlsx.ts).
 */
export function sheetsToXlsx(sheets: readonly WorkbookSheet[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('A workbook needs at least one sheet.');
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES(sheets.length)),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(WORKBOOK(names)),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS(sheets.length)),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((sheet, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet));
  });
  return zipSync(parts, { level: 6 });
}
