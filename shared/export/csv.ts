import Papa from 'papaparse';
import type { Customer } from '../domain/customer';
import { cellReader, exportColumnLabel, type ExportColumn } from './exportColumns';

export type ExportDelimiter = ',' | ';' | '\t';

export interface CsvExportOptions {
  delimiter: ExportDelimiter;
  /** Starts the file with a UTF-8 byte order mark, which Excel needs to read accents right. */
  bom: boolean;
  /** The first row: the columns' labels (for people) or their ids (for another program). */
  header: 'labels' | 'ids';
  /** The translated label of a column; without it, the English one of `exportColumnLabel`. */
  labelOf?: (column: ExportColumn) => string;
}

const BOM = '\uFEFF';
/** RFC 4180 ends records with CRLF; every record, the last one too, ends with one. */
const NEWLINE = '\r\n';

/** A sign, then only digits, spaces and `+ - . , ( ) /`, with at least one digit. */
const SIGNED_NUMBER_OR_PHONE = /^[+-](?=.*\d)[0-9 ().,/+-]*$/;

/**
 * The cell as written to a CSV file, safe from formula injection (OWASP "CSV Injection").
 * A cell a spreadsheet would run as a formula gets a leading apostrophe `'`:
 * - one starting with `=`, `@`, a tab, a carriage return or a NUL (`\0`), always;
 * - one starting with `+` or `-`, unless everything after that sign is digits, spaces and
 *   `+ - . , ( ) /`, with at least one digit: a signed number (`-12.5`, `+3`), a phone
 *   (`+33612345678`, `+44 (0)7400 123456`) or a list of phones stays as it is. Without a letter,
 *   `!` or `|`, such a cell can name no function, no other cell and no other program (DDE), so
 *   a spreadsheet can at worst compute arithmetic with it.
 * Every other cell is left as it is.
 */
export function neutralizeFormula(cell: string): string {
  switch (cell.charCodeAt(0)) {
    case 0: // NUL: some spreadsheets drop it, and what follows would be read as a formula
    case 61: // =
    case 64: // @
    case 9: // tab
    case 13: // carriage return
      return `'${cell}`;
    case 43: // +
    case 45: // -
      return SIGNED_NUMBER_OR_PHONE.test(cell) ? cell : `'${cell}`;
    default:
      return cell;
  }
}

/**
 * The usual CSV delimiter for people who write in `language`: `;` where the decimal separator
 * is a comma (French, German, Spanish...: their Excel splits on `;`), `,` elsewhere and when the
 * language is unknown ('').
 */
export function defaultDelimiter(language: string): ExportDelimiter {
  if (!language) return ',';
  try {
    const parts = new Intl.NumberFormat(language).formatToParts(1.5);
    return parts.find((p) => p.type === 'decimal')?.value === ',' ? ';' : ',';
  } catch {
    return ',';
  }
}

/**
 * The CSV file, chunk by chunk: the header row first (after the byte order mark, when asked),
 * then `chunkRows` customers at a time, so a large export never holds every row as cells at
 * once. Joined, the chunks are exactly `customersToCsv`.
 */
export function* streamCustomersToCsv(
  customers: readonly Customer[],
  columns: readonly ExportColumn[],
  options: CsvExportOptions,
  chunkRows = 5000,
): Generator<string> {
  if (columns.length === 0) throw new RangeError('A CSV export needs at least one column.');
  if (!(chunkRows >= 1)) throw new RangeError(`chunkRows must be 1 or more, not ${chunkRows}.`);
  const config: Papa.UnparseConfig = {
    delimiter: options.delimiter,
    newline: NEWLINE,
    // With one column, an empty cell would make an empty line, which readers skip: quote it.
    quotes: columns.length === 1 ? (value: unknown) => value === '' : false,
    escapeFormulae: false,
  };
  const labelOf = options.labelOf ?? ((column: ExportColumn) => exportColumnLabel(column));
  const readers = columns.map((column) => cellReader(column, 'csv'));
  const header = columns.map((c) => neutralizeFormula(options.header === 'ids' ? c : labelOf(c)));
  yield (options.bom ? BOM : '') + Papa.unparse([header], config) + NEWLINE;
  for (let start = 0; start < customers.length; start += chunkRows) {
    const end = Math.min(start + chunkRows, customers.length);
    const rows: string[][] = new Array(end - start);
    for (let i = start; i < end; i++) {
      const customer = customers[i]!;
      rows[i - start] = readers.map((read) => neutralizeFormula(read(customer)));
    }
    yield Papa.unparse(rows, config) + NEWLINE;
  }
}

/**
 * Customers as a CSV file (RFC 4180 quoting by PapaParse, CRLF line ends), one row per customer
 * under a header row; cells as `cellValue(..., 'csv')` gives them, safe from formula injection
 * (see `neutralizeFormula`).
 */
export function customersToCsv(
  customers: readonly Customer[],
  columns: readonly ExportColumn[],
  options: CsvExportOptions,
): string {
  let csv = '';
  for (const chunk of streamCustomersToCsv(customers, columns, options)) csv += chunk;
  return csv;
}
