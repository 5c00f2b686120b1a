import { yieldToEvents } from '../../../shared/async/yieldToEvents';
import type { CallContext } from '../../../shared/contract/define';
import type { DateOrder, ImportInspection } from '../../../shared/contract/imports';
import type { CustomField } from '../../../shared/domain/customFields';
import { AppError } from '../../../shared/errors';
import {
  decodeParts,
  decodeText,
  readStart,
  type DecodedText,
  type TextEncodingName,
} from '../../../shared/import/decodeText';
import { parseCsvStream } from '../../../shared/import/csvStream';
import { guessDateOrder } from '../../../shared/import/mapping/parseValues';
import { looksLikeHeader, recognizeColumns } from '../../../shared/import/mapping/recognizeHeaders';
import { rowToDraft, type CheckedValues } from '../../../shared/import/mapping/rowToDraft';
import type { TargetId } from '../../../shared/import/mapping/importTargets';
import type { CsvDelimiter, CsvProblem, ParsedCsv } from '../../../shared/import/parseCsv';
import { looksLikeOrders, recognizeOrderColumns } from '../../../shared/import/orders/orderColumns';
import type { ParsedVcards } from '../../../shared/import/vcard/parseVcards';
import type { VcardContact } from '../../../shared/import/vcard/vcardContact';
import { vcardToCustomerDraft } from '../../../shared/import/vcard/vcardToCustomerDraft';
import type { ImportRow } from './planImport';
import { parseVcardsInSlices } from './parseVcardsInSlices';
import type { FileBytes } from './upload';

const SAMPLE_ROWS = 20;
const ROWS_PER_TURN = 5000;
/** First rows looked at to size the columns and to tell the date order. */
const FIRST_ROWS = 500;
/** A file is read from its Blob this many bytes at a time. */
export const READ_BYTES = 4 * 1024 * 1024;
/**
 * A file up to this size keeps its rows in memory between the wizard's steps (read once); a
 * bigger one is read again, a part at a time, at each step, so that memory holds one part's
 * rows and the plan, never the whole file's cells.
 */
export const KEEP_ROWS_BYTES = 32 * 1024 * 1024;

/** Rows, with the file line each starts on. */
export interface RowBatch {
  rows: string[][];
  lines: number[];
}

/** A file read and cut into rows, kept between the wizard's steps. */
export interface StagedFile {
  inspection: ImportInspection;
  /** A vCard file's cards, and the ones that could not be read (with their line). */
  vcards?: { cards: VcardContact[]; problems: { line: number; message: string }[] };
  /** The data rows (the header row left out), a batch at a time. */
  batches(): AsyncIterable<RowBatch>;
  /** The cells of the data rows starting on these lines. */
  cellsAt(lines: ReadonlySet<number>): Promise<Map<number, string[]>>;
}

/** How to read a file: the user's choices, each left out to have it found. */
export interface FileReading {
  encoding?: TextEncodingName;
  delimiter?: CsvDelimiter;
  hasHeader?: boolean;
}

/**
 * Reads a file once, start to end, a part at a time: encoding, delimiter and header row found
 * (or as the user chose them), rows counted, the first ones kept as a sample. Without a byte
 * order mark or UTF-16's zero bytes, the file is read as UTF-8 and, at the first byte that
 * cannot be UTF-8, read again as Windows-1252.
 */
export async function stageFile(
  source: { name: string; file: FileBytes },
  how: FileReading,
  fileId: string,
  customFields: readonly CustomField[],
  sizes: { keepRowsBytes: number; readBytes: number } = {
    keepRowsBytes: KEEP_ROWS_BYTES,
    readBytes: READ_BYTES,
  },
): Promise<StagedFile> {
  const { name, file: content } = source;
  const first = await bytesAt(content, 0, 64 * 1024);
  if (/^\s*BEGIN:VCARD/i.test(decodeText(first, how.encoding).text)) {
    // vCard files are read whole (address books are small), then parsed a slice at a time.
    const decoded = decodeText(await bytesAt(content, 0, content.size), how.encoding);
    return stageVcards(name, decoded, await parseVcardsInSlices(decoded.text), fileId);
  }
  const start = readStart(first, how.encoding);
  const keep = content.size <= sizes.keepRowsBytes;
  let reading: Reading = { encoding: start.encoding ?? 'utf-8', strict: start.encoding === null };
  let read: FirstRead;
  const settle = (r: Reading): Settled => ({
    ...withBom(r, start.bom),
    readBytes: sizes.readBytes,
  });
  try {
    read = await readWhole(content, settle(reading), how.delimiter, keep);
  } catch (error) {
    if (!(reading.strict && error instanceof TypeError)) throw error;
    reading = { encoding: 'windows-1252', strict: false };
    read = await readWhole(content, settle(reading), how.delimiter, keep);
  }
  if (read.count === 0) {
    throw new AppError('BAD_FILE', `${name} has no rows to import`, { name });
  }
  const rows = read.first;
  const headerRow = rows[0]!;
  const hasHeader = how.hasHeader ?? looksLikeHeader(headerRow, rows[1]);
  const width = Math.max(...rows.slice(0, 200).map((r) => r.length));
  const headers = Array.from({ length: width }, (_, i) =>
    hasHeader && headerRow[i]?.trim() ? headerRow[i]!.trim() : `Column ${i + 1}`,
  );
  const dataRows = hasHeader ? rows.slice(1) : rows;
  const suggested = hasHeader
    ? recognizeColumns(headers, [...customFields])
    : headers.map(() => null);
  const orderColumns = hasHeader ? recognizeOrderColumns(headers) : headers.map(() => null);
  const orders = hasHeader && looksLikeOrders(headers);
  const inspection: ImportInspection = {
    fileId,
    name,
    kind: 'csv',
    encoding: reading.encoding,
    delimiter: read.delimiter,
    hasHeader,
    headers,
    sample: dataRows.slice(0, SAMPLE_ROWS),
    rows: read.count - (hasHeader ? 1 : 0),
    suggested,
    dateOrder: guessDateOrder(dateCells(dataRows, orders ? orderColumns : suggested)),
    problems: read.problems,
    orders: { looksLike: orders, suggested: orderColumns },
  };
  const settled = { ...settle(reading), delimiter: read.delimiter };
  const batches = read.all
    ? keptBatches(read.all, hasHeader)
    : () => readBatches(content, settled, hasHeader);
  return {
    inspection,
    batches,
    cellsAt: async (wanted) => {
      const found = new Map<number, string[]>();
      if (wanted.size === 0) return found;
      for await (const batch of batches()) {
        batch.lines.forEach((line, i) => {
          if (wanted.has(line)) found.set(line, batch.rows[i]!);
        });
      }
      return found;
    },
  };
}

interface Reading {
  encoding: TextEncodingName;
  /** UTF-8 not sure yet: a byte that cannot be UTF-8 stops the reading (TypeError). */
  strict: boolean;
}

type Settled = Reading & { skip: number; delimiter?: CsvDelimiter; readBytes?: number };

/** The byte order mark is left out when it is the encoding's own. */
function withBom(
  reading: Reading,
  bom: { encoding: TextEncodingName; length: number } | null,
): Settled {
  return { ...reading, skip: bom && bom.encoding === reading.encoding ? bom.length : 0 };
}

interface FirstRead {
  delimiter: CsvDelimiter;
  /** Rows in the file, the header row included. */
  count: number;
  /** The first rows, the header row included. */
  first: string[][];
  problems: CsvProblem[];
  /** Every row, when the file is small enough to keep them. */
  all: RowBatch | null;
}

async function readWhole(
  content: FileBytes,
  settled: Settled,
  delimiter: CsvDelimiter | undefined,
  keep: boolean,
): Promise<FirstRead> {
  const read: FirstRead = {
    delimiter: delimiter ?? ',',
    count: 0,
    first: [],
    problems: [],
    all: keep ? { rows: [], lines: [] } : null,
  };
  for await (const batch of csvBatches(content, { ...settled, delimiter })) {
    read.delimiter = batch.delimiter;
    read.count += batch.rows.length;
    batch.rows.forEach((row, i) => checkRowSize(row, batch.lines[i]!));
    for (const row of batch.rows) {
      if (read.first.length > FIRST_ROWS) break;
      read.first.push(row);
    }
    for (const problem of batch.problems) {
      if (read.problems.length < 100) read.problems.push(problem);
    }
    if (read.all) {
      for (const row of batch.rows) read.all.rows.push(row);
      for (const line of batch.lines) read.all.lines.push(line);
    }
    await yieldToEvents();
  }
  return read;
}

/** More columns or longer cells than any address book has: a wrong delimiter or not a CSV. */
export const MAX_COLUMNS = 1000;
export const MAX_CELL_CHARS = 100_000;

function checkRowSize(row: string[], line: number): void {
  if (row.length > MAX_COLUMNS) {
    const message = `Row ${line} has ${row.length} columns, more than the ${MAX_COLUMNS} a file may have`;
    throw new AppError('BAD_FILE', message, { row: line, columns: row.length });
  }
  const column = row.findIndex((cell) => cell.length > MAX_CELL_CHARS);
  if (column >= 0) {
    const message = `Row ${line}, column ${column + 1} has ${row[column]!.length} characters, more than the ${MAX_CELL_CHARS} a cell may have`;
    throw new AppError('BAD_FILE', message, { row: line, column: column + 1 });
  }
}

/** The file's bytes from `start`, up to `length` of them. */
function bytesAt(file: FileBytes, start: number, length: number): Promise<Uint8Array> {
  return file.bytes(start, Math.min(file.size, start + length));
}

async function* partsOf(content: FileBytes, size = READ_BYTES): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < content.size; at += size) yield bytesAt(content, at, size);
}

function csvBatches(content: FileBytes, settled: Settled): AsyncGenerator<ParsedCsv> {
  const texts = decodeParts(partsOf(content, settled.readBytes), settled.encoding, settled);
  return parseCsvStream(texts, settled.delimiter);
}

/** The data rows read again from the file, a part at a time. */
async function* readBatches(
  content: FileBytes,
  settled: Settled,
  hasHeader: boolean,
): AsyncGenerator<RowBatch> {
  let header = hasHeader;
  for await (const batch of csvBatches(content, settled)) {
    if (header && batch.rows.length > 0) {
      header = false;
      yield { rows: batch.rows.slice(1), lines: batch.lines.slice(1) };
    } else {
      yield batch;
    }
  }
}

/** The rows kept in memory, handed out a batch at a time like the ones read again. */
function keptBatches(all: RowBatch, hasHeader: boolean): () => AsyncGenerator<RowBatch> {
  const from = hasHeader ? 1 : 0;
  return async function* () {
    for (let i = from; i < all.rows.length; i += ROWS_PER_TURN) {
      yield {
        rows: all.rows.slice(i, i + ROWS_PER_TURN),
        lines: all.lines.slice(i, i + ROWS_PER_TURN),
      };
    }
  };
}

/** A .vcf file: its cards need no mapping; unreadable ones become rejected rows. */
function stageVcards(
  name: string,
  decoded: DecodedText,
  { cards, problems }: ParsedVcards,
  fileId: string,
): StagedFile {
  const broken = problems.filter((p) => !cards.some((c) => c.line === p.line));
  if (cards.length === 0 && broken.length === 0) {
    throw new AppError('BAD_FILE', `${name} has no contact card to import`, { name });
  }
  return {
    inspection: {
      fileId,
      name,
      kind: 'vcard',
      encoding: decoded.encoding,
      delimiter: ',',
      hasHeader: false,
      headers: [],
      sample: [],
      rows: cards.length + broken.length,
      suggested: [],
      dateOrder: 'ymd',
      problems: problems.slice(0, 100),
      orders: { looksLike: false, suggested: [] },
    },
    vcards: { cards, problems: broken },
    batches: async function* () {},
    cellsAt: () => Promise.resolve(new Map()),
  };
}

/** Cells of the columns recognised as dates, from the first rows: to tell 03/04 from 04/03. */
function dateCells(rows: string[][], suggested: (string | null)[]): string[] {
  const columns = suggested.flatMap((t, i) => (t === 'birthDate' || t === 'order.date' ? [i] : []));
  return rows.slice(0, 500).flatMap((row) => columns.map((c) => row[c] ?? ''));
}

/** The data rows read through the mapping into customer fields, with their cell problems, a batch at a time. */
export async function* readRows(
  file: StagedFile,
  mapping: (string | null)[],
  dateOrder: DateOrder,
  customFields: readonly CustomField[],
  ctx?: CallContext,
): AsyncGenerator<ImportRow[]> {
  if (file.vcards) {
    yield vcardRows(file.vcards);
    return;
  }
  const targets = mapping as (TargetId | null)[];
  // One options object for every row: the values already checked are remembered across rows.
  const options = {
    dateOrder,
    sourceName: file.inspection.name,
    customFields: [...customFields],
    checked: new Map() as CheckedValues,
  };
  const headers = file.inspection.headers;
  for await (const batch of file.batches()) {
    for (let from = 0; from < batch.rows.length; from += ROWS_PER_TURN) {
      const out: ImportRow[] = [];
      const to = Math.min(batch.rows.length, from + ROWS_PER_TURN);
      for (let i = from; i < to; i++) {
        const read = rowToDraft(batch.rows[i]!, targets, options);
        out.push({
          line: batch.lines[i]!,
          draft: read.draft,
          fieldsChecked: true,
          problems: read.problems.map((p) => ({
            field: headers[p.column] ?? String(p.target),
            rule: p.message,
          })),
        });
      }
      yield out;
      await yieldToEvents();
      if (ctx?.signal.aborted) throw new AppError('CANCELLED', 'The import was cancelled');
    }
  }
}

/** Every row of a file, read through the mapping: for the tests and the small corpus files. */
export async function readAllRows(...args: Parameters<typeof readRows>): Promise<ImportRow[]> {
  const all: ImportRow[] = [];
  for await (const batch of readRows(...args)) all.push(...batch);
  return all;
}

/** Each card as a row (checked whole by the plan), and each unreadable card as a rejected one. */
function vcardRows({ cards, problems }: NonNullable<StagedFile['vcards']>): ImportRow[] {
  const rows: ImportRow[] = cards.map((card) => {
    const { draft, invalid } = vcardToCustomerDraft(card);
    return {
      line: card.line,
      draft,
      problems: invalid ? [{ field: 'vCard', rule: invalid }] : [],
    };
  });
  for (const problem of problems)
    rows.push({
      line: problem.line,
      draft: {},
      problems: [{ field: 'vCard', rule: problem.message }],
    });
  return rows.sort((a, b) => a.line - b.line);
}
