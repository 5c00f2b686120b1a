import { z } from 'zod';
import {
  CUSTOMER_FIELDS,
  CUSTOMER_RULES,
  customerInputSchema,
  type Customer,
  type CustomerInput,
} from '../domain/customer';
import { cellReader, type ExportColumn, type JsonCell } from './exportColumns';

export const CUSTOMERS_JSON_FORMAT = 'comptoir-customers';
export const CUSTOMERS_JSON_VERSION = 1;

/**
 * A full record of a customers JSON file: the store's id and record dates (ISO 8601, UTC), then
 * every customer field under its own name, in the order of CUSTOMER_FIELDS, shaped as
 * `customerInputSchema` accepts it (consent dates `at` are milliseconds since 1970, 0 = unknown).
 * Purchase figures are not part of it: they follow from purchases.
 */
export type CustomerJsonRecord = {
  id: string;
  createdAt: string;
  updatedAt: string;
} & CustomerInput;

/**
 * The file, version 1:
 * `{ "format": "comptoir-customers", "version": 1, "exportedAt": ISO 8601,
 *    "columns"?: [column ids], "customers": [records] }`.
 * Without `columns`, each record is a `CustomerJsonRecord` and the file imports back. With
 * `columns` (a partial export, for reports), each record holds those columns only, keyed by
 * column id, valued as `cellValue(..., 'json')` gives them; it does not import back.
 */
export interface CustomersJsonFile {
  format: typeof CUSTOMERS_JSON_FORMAT;
  version: typeof CUSTOMERS_JSON_VERSION;
  exportedAt: string;
  columns?: ExportColumn[];
  customers: (CustomerJsonRecord | Record<string, JsonCell>)[];
}

const iso = (ms: number) => new Date(ms).toISOString();

function fullRecord(customer: Customer): CustomerJsonRecord {
  const record: Record<string, unknown> = {
    id: customer.id,
    createdAt: iso(customer.createdAt),
    updatedAt: iso(customer.updatedAt),
  };
  for (const field of CUSTOMER_FIELDS) record[field] = customer[field];
  return record as CustomerJsonRecord;
}

/**
 * Customers as a JSON file (see `CustomersJsonFile`): every field of every customer when no
 * columns are given, else only those columns. One record per line, so the file reads and
 * diffs line by line.
 */
export function customersToJson(
  customers: readonly Customer[],
  columns?: readonly ExportColumn[],
  options: { exportedAt?: Date } = {},
): string {
  const head = {
    format: CUSTOMERS_JSON_FORMAT,
    version: CUSTOMERS_JSON_VERSION,
    exportedAt: (options.exportedAt ?? new Date()).toISOString(),
    ...(columns ? { columns } : {}),
  };
  let toRecord: (customer: Customer) => object = fullRecord;
  if (columns) {
    const readers = columns.map((column) => [column, cellReader(column, 'json')] as const);
    toRecord = (customer) => Object.fromEntries(readers.map(([c, read]) => [c, read(customer)]));
  }
  const lines = customers.map((customer) => JSON.stringify(toRecord(customer)));
  const body = lines.length ? `\n${lines.join(',\n')}\n` : '';
  return `${JSON.stringify(head).slice(0, -1)},"customers":[${body}]}\n`;
}

/** What is wrong in a customers JSON file, and where. */
export interface CustomersJsonProblem {
  /** Index (from 0) of the record in `customers`, or null for the file as a whole. */
  index: number | null;
  /** Where in the file, e.g. `customers[3].email`. */
  path: string;
  /** A customer rule (`invalidEmail`, `unknownField`...), or `notJson`, `notCustomersFile`,
   *  `unsupportedVersion`, `partialExport`, or zod's issue code for anything else. */
  code: string;
  message: string;
}

/** One valid record of the file, with what the store needs to recreate or match it. */
export interface ImportedCustomer {
  index: number;
  id: string | null;
  createdAt: number | null;
  updatedAt: number | null;
  customer: CustomerInput;
}

export interface ParsedCustomersJson {
  exportedAt: string | null;
  /** The records that passed, in file order; a record with a problem is left out. */
  customers: ImportedCustomer[];
  problems: CustomersJsonProblem[];
}

const fileSchema = z.object({
  format: z.literal(CUSTOMERS_JSON_FORMAT),
  version: z.number(),
  exportedAt: z.string(),
  columns: z.array(z.string()).optional(),
  customers: z.array(z.unknown()),
});
const metaSchema = z.object({
  id: z.string().min(1).max(100).optional(),
  createdAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
});
const RULES: readonly string[] = CUSTOMER_RULES;

const fail = (code: string, message: string): ParsedCustomersJson => ({
  exportedAt: null,
  customers: [],
  problems: [{ index: null, path: '', code, message }],
});

/**
 * Reads a file written by `customersToJson` back, checking every record with
 * `customerInputSchema` (plus its id and dates): the valid records, and one problem per
 * broken rule naming the record's index and field. Never throws on bad input.
 */
export function parseCustomersJson(text: string): ParsedCustomersJson {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('notJson', `Not JSON: ${(error as Error).message}`);
  }
  const file = fileSchema.safeParse(data);
  if (!file.success)
    return fail('notCustomersFile', `Not a ${CUSTOMERS_JSON_FORMAT} file: ${file.error.message}`);
  const { version, exportedAt, columns, customers } = file.data;
  if (version !== CUSTOMERS_JSON_VERSION)
    return fail('unsupportedVersion', `Version ${version} is not supported (only 1).`);
  if (columns)
    return fail('partialExport', 'A partial export (with "columns") cannot be imported back.');

  const result: ParsedCustomersJson = { exportedAt, customers: [], problems: [] };
  customers.forEach((record, index) => {
    const at = `customers[${index}]`;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      result.problems.push({ index, path: at, code: 'invalid_type', message: 'Not an object.' });
      return;
    }
    const { id, createdAt, updatedAt, ...fields } = record as Record<string, unknown>;
    const meta = metaSchema.safeParse({ id, createdAt, updatedAt });
    const customer = customerInputSchema.safeParse(fields);
    const issues = [...(meta.error?.issues ?? []), ...(customer.error?.issues ?? [])];
    for (const issue of issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const path = [...issue.path, ...keys.slice(0, 1)].map(String).join('.');
      const code = keys.length
        ? 'unknownField'
        : RULES.includes(issue.message)
          ? issue.message
          : issue.code;
      result.problems.push({
        index,
        path: path ? `${at}.${path}` : at,
        code,
        message: issue.message,
      });
    }
    if (!meta.success || !customer.success) return;
    result.customers.push({
      index,
      id: meta.data.id ?? null,
      createdAt: meta.data.createdAt ? Date.parse(meta.data.createdAt) : null,
      updatedAt: meta.data.updatedAt ? Date.parse(meta.data.updatedAt) : null,
      customer: customer.data,
    });
  });
  return result;
}
