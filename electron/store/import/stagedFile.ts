import { yieldToEvents } from '../../../shared/async/yieldToEvents';
import type { CallContext } from '../../../shared/contract/define';
import type { DateOrder, ImportInspection } from '../../../shared/contract/imports';
import type { CustomField } from '../../../shared/domain/customFields';
import { AppError } from '../../../shared/errors';
import {
  decodeText,
  type DecodedText,
  type TextEncodingName,
} from '../../../shared/import/decodeText';
import { guessDateOrder } from '../../../shared/import/mapping/parseValues';
import { looksLikeHeader, recognizeColumns } from '../../../shared/import/mapping/recognizeHeaders';
import { rowToDraft, type CheckedValues } from '../../../shared/import/mapping/rowToDraft';
import type { TargetId } from '../../../shared/import/mapping/importTargets';
import { parseCsv, type CsvDelimiter } from '../../../shared/import/parseCsv';
import { looksLikeOrders, recognizeOrderColumns } from '../../../shared/import/orders/orderColumns';
import { parseVcards } from '../../../shared/import/vcard/parseVcards';
import type { VcardContact } from '../../../shared/import/vcard/vcardContact';
import { vcardToCustomerDraft } from '../../../shared/import/vcard/vcardToCustomerDraft';
import type { ImportRow } from './planImport';

const SAMPLE_ROWS = 20;
const ROWS_PER_TURN = 5000;

/** A file read and cut into rows, kept between the wizard's steps. */
export interface StagedFile {
  inspection: ImportInspection;
  /** A vCard file's cards, and the ones that could not be read (with their line). */
  vcards?: { cards: VcardContact[]; problems: { line: number; message: string }[] };
  /** Data rows (the header row left out), as cells, and the file line each starts on. */
  rows: string[][];
  lines: number[];
  /** The cells of the data row starting on `line`. */
  cellsAt(line: number): string[] | undefined;
}

/** Bytes to rows: encoding, delimiter and header row found, or as the user chose them. */
export function stageFile(
  arg: {
    name: string;
    bytes: Uint8Array;
    encoding?: TextEncodingName;
    delimiter?: CsvDelimiter;
    hasHeader?: boolean;
  },
  fileId: string,
  customFields: readonly CustomField[],
): StagedFile {
  const decoded = decodeText(arg.bytes, arg.encoding);
  if (/^\s*BEGIN:VCARD/i.test(decoded.text)) return stageVcards(arg.name, decoded, fileId);
  const parsed = parseCsv(decoded.text, arg.delimiter);
  if (parsed.rows.length === 0) {
    throw new AppError('BAD_FILE', `${arg.name} has no rows to import`, { name: arg.name });
  }
  const first = parsed.rows[0]!;
  const hasHeader = arg.hasHeader ?? looksLikeHeader(first, parsed.rows[1]);
  const width = Math.max(...parsed.rows.slice(0, 200).map((r) => r.length));
  const headers = Array.from({ length: width }, (_, i) =>
    hasHeader && first[i]?.trim() ? first[i]!.trim() : `Column ${i + 1}`,
  );
  const rows = hasHeader ? parsed.rows.slice(1) : parsed.rows;
  const lines = hasHeader ? parsed.lines.slice(1) : parsed.lines;
  const byLine = new Map<number, number>();
  lines.forEach((line, i) => byLine.set(line, i));
  const suggested = hasHeader
    ? recognizeColumns(headers, [...customFields])
    : headers.map(() => null);
  const orderColumns = hasHeader ? recognizeOrderColumns(headers) : headers.map(() => null);
  const orders = hasHeader && looksLikeOrders(headers);
  return {
    inspection: {
      fileId,
      name: arg.name,
      kind: 'csv',
      encoding: decoded.encoding,
      delimiter: parsed.delimiter,
      hasHeader,
      headers,
      sample: rows.slice(0, SAMPLE_ROWS),
      rows: rows.length,
      suggested,
      dateOrder: guessDateOrder(dateCells(rows, orders ? orderColumns : suggested)),
      problems: parsed.problems.slice(0, 100),
      orders: { looksLike: orders, suggested: orderColumns },
    },
    rows,
    lines,
    cellsAt: (line) => {
      const i = byLine.get(line);
      return i === undefined ? undefined : rows[i];
    },
  };
}

/** A .vcf file: its cards need no mapping; unreadable ones become rejected rows. */
function stageVcards(name: string, decoded: DecodedText, fileId: string): StagedFile {
  const { cards, problems } = parseVcards(decoded.text);
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
    rows: [],
    lines: [],
    cellsAt: () => undefined,
  };
}

/** Cells of the columns recognised as dates, from the first rows: to tell 03/04 from 04/03. */
function dateCells(rows: string[][], suggested: (string | null)[]): string[] {
  const columns = suggested.flatMap((t, i) => (t === 'birthDate' || t === 'order.date' ? [i] : []));
  return rows.slice(0, 500).flatMap((row) => columns.map((c) => row[c] ?? ''));
}

/** Every data row read through the mapping into customer fields, with its cell problems. */
export async function readRows(
  file: StagedFile,
  mapping: (string | null)[],
  dateOrder: DateOrder,
  customFields: readonly CustomField[],
  ctx?: CallContext,
): Promise<ImportRow[]> {
  if (file.vcards) return vcardRows(file.vcards);
  const targets = mapping as (TargetId | null)[];
  const out: ImportRow[] = [];
  // One options object for every row: the values already checked are remembered across rows.
  const options = {
    dateOrder,
    sourceName: file.inspection.name,
    customFields: [...customFields],
    checked: new Map() as CheckedValues,
  };
  for (let i = 0; i < file.rows.length; i++) {
    if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) {
      await yieldToEvents();
      if (ctx?.signal.aborted) throw new AppError('CANCELLED', 'The import was cancelled');
    }
    const read = rowToDraft(file.rows[i]!, targets, options);
    out.push({
      line: file.lines[i]!,
      draft: read.draft,
      fieldsChecked: true,
      problems: read.problems.map((p) => ({
        field: file.inspection.headers[p.column] ?? String(p.target),
        rule: p.message,
      })),
    });
  }
  return out;
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
