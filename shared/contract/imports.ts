import { z } from 'zod';
import { CSV_DELIMITERS, type CsvDelimiter, type CsvProblem } from '../import/parseCsv';
import { TEXT_ENCODINGS, type TextEncodingName } from '../import/decodeText';
import { method } from './define';

/** Bigger files are refused before they are read: about 1.5 million customer rows. */
export const IMPORT_BYTES_MAX = 256 * 1024 * 1024;
/** A file goes to the store in parts of at most this size, so no process holds it whole. */
export const IMPORT_PART_BYTES = 4 * 1024 * 1024;
export const IMPORT_COLUMNS_MAX = 500;

export const DUPLICATE_POLICIES = ['skip', 'fill', 'overwrite', 'create'] as const;
/** What to do with a row whose customer already exists (matched on `MatchKey`s). */
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];
export const MATCH_KEYS = ['externalId', 'email', 'phone'] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** A file as the store read it: how, what its columns are, and what they seem to hold. */
export interface ImportInspection {
  /** Names the staged file in the calls that follow; it is forgotten on lock. */
  fileId: string;
  name: string;
  /** A CSV file has columns to map; a vCard file's fields are known (no mapping step). */
  kind: 'csv' | 'vcard';
  encoding: TextEncodingName;
  delimiter: CsvDelimiter;
  hasHeader: boolean;
  /** Column titles (from the header row, or "Column 1"...). */
  headers: string[];
  /** The first data rows, as cells. */
  sample: string[][];
  /** Data rows in the file (for vCard: cards, the unreadable ones included). */
  rows: number;
  /** The target each column was recognised as, or null. */
  suggested: (string | null)[];
  dateOrder: DateOrder;
  problems: CsvProblem[];
  /**
   * Read as orders instead (one row per line item): whether the columns say so (a Shopify
   * orders export, a sales sheet), and what each column would be.
   */
  orders: { looksLike: boolean; suggested: (string | null)[] };
}

/** What a file holds: customers (one per row), or orders (a line item per row). */
export const IMPORT_KINDS = ['customers', 'orders'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** An orders import's own counts (its rows are counted in `ImportCounts` too). */
export interface OrderCounts {
  /** Orders written as purchases. */
  orders: number;
  lines: number;
  /** Customers the orders named and the file did not have. */
  newCustomers: number;
  /** Orders the customer already had (the same file imported again): skipped. */
  known: number;
}

/** What happened, or will happen, to one row. */
export type ImportAction = 'create' | 'update' | 'merge' | 'unchanged' | 'skip' | 'reject';

export interface ImportRowOutcome {
  line: number;
  action: ImportAction;
  problems: { field: string; rule: string }[];
}

export type ImportCounts = Record<ImportAction, number>;

export interface ImportPreview {
  counts: ImportCounts;
  orders?: OrderCounts;
  /** Rows imported without a phone libphonenumber cannot read; the number is kept in the notes. */
  phonesKept?: number;
  /** The first rejected rows with their problems (all of them are in the run's error file). */
  rejected: ImportRowOutcome[];
}

export interface ImportSummary {
  importId: string;
  /** The tag every created or changed customer got. */
  tag: string;
  at: number;
  name: string;
  counts: ImportCounts;
  orders?: OrderCounts;
  phonesKept?: number;
  /** The rejected rows as CSV (their cells, then line and reason), '' when there are none. */
  rejectedCsv: string;
}

export interface UndoSummary {
  removed: number;
  restored: number;
  /** Customers changed again after the import: left as they are now. */
  keptChanged: number;
  /** Purchases an orders import had added, removed. */
  purchases?: number;
}

const runArg = {
  fileId: z.string().min(1).max(64),
  what: z.enum(IMPORT_KINDS).default('customers'),
  /** One target id (or null: not imported) per column. */
  mapping: z.array(z.string().max(80).nullable()).max(IMPORT_COLUMNS_MAX),
  dateOrder: z.enum(DATE_ORDERS),
  policy: z.enum(DUPLICATE_POLICIES),
  matchOn: z.array(z.enum(MATCH_KEYS)).max(MATCH_KEYS.length),
};

export const importsContract = {
  /** A file to import is coming: its parts follow (`import.append`); any earlier one is dropped. */
  'import.open': method<{ fileId: string }>()(
    z.strictObject({
      name: z.string().trim().min(1).max(255),
      size: z.number().int().min(0).max(IMPORT_BYTES_MAX, { error: 'tooLong' }),
    }),
  ),
  /** The next part of the file, in order (`offset`: the bytes already sent). */
  'import.append': method<{ received: number }>()(
    z.strictObject({
      fileId: z.string().min(1).max(64),
      offset: z.number().int().min(0).max(IMPORT_BYTES_MAX),
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.byteLength <= IMPORT_PART_BYTES, { error: 'tooLong' }),
    }),
  ),
  /**
   * Reads the whole file once (decoding, delimiter, header row: found or as chosen) and keeps
   * it staged; called again with other choices, reads it again.
   */
  'import.inspect': method<ImportInspection>()(
    z.strictObject({
      fileId: z.string().min(1).max(64),
      encoding: z.enum(TEXT_ENCODINGS).optional(),
      delimiter: z.enum(CSV_DELIMITERS).optional(),
      hasHeader: z.boolean().optional(),
    }),
  ),
  /** Every row checked and matched, nothing written. */
  'import.preview': method<ImportPreview>()(z.strictObject(runArg)),
  /** Writes the import in one transaction; pushes {done, total}; a cancel writes nothing. */
  'import.run': method<ImportSummary>()(z.strictObject(runArg)),
  /** Undoes the last import: its customers removed, the customers it changed put back. */
  'import.undo': method<UndoSummary>()(z.strictObject({ importId: z.string().min(1).max(64) })),
  /** The import that can still be undone, if any. */
  'import.last': method<ImportSummary | null>()(z.strictObject({})),
};
