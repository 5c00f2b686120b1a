import { z } from 'zod';
import { CONSENT_CHANNELS, type ConsentChannel } from '../domain/consent';
import type { Customer } from '../domain/customer';
import {
  columnIdSchema,
  isCustomColumn,
  type BuiltInColumn,
  type ColumnId,
} from '../domain/customerColumns';
import type { CustomField } from '../domain/customFields';
import { averageBasketMinor } from '../domain/figures';

/** Fields a customer has that the list shows no column for; an export still carries them. */
export const EXPORT_ONLY_COLUMNS = [
  'id',
  'firstName',
  'lastName',
  'street',
  'additionalEmails',
  'additionalPhones',
  'gender',
  'sourceDetail',
  'externalId',
  'notes',
] as const;
export type ExportOnlyColumn = (typeof EXPORT_ONLY_COLUMNS)[number];
/** Per channel: whether consent was given (yes / no / never asked), and the day it was answered. */
export type ConsentColumn = `consent:${ConsentChannel}` | `consentDate:${ConsentChannel}`;
/** A column of an export: one the list has, one only an export has, or a consent column. */
export type ExportColumn = ColumnId | ExportOnlyColumn | ConsentColumn;

/** Checks a column list that crossed a process boundary (an export request). */
export const exportColumnSchema = z.union([
  columnIdSchema,
  z.enum(EXPORT_ONLY_COLUMNS),
  z.templateLiteral([z.enum(['consent:', 'consentDate:']), z.enum(CONSENT_CHANNELS)]),
]);

export type ExportFormat = 'csv' | 'xlsx' | 'json';
/** A calendar day (YYYY-MM-DD) that a spreadsheet writer turns into a real date cell. */
export interface ExportDate {
  date: string;
}
/** One spreadsheet cell; null writes no cell at all. */
export type SheetCell = string | number | boolean | ExportDate | null;
/** One value of a partial JSON export: lists stay lists, dates are YYYY-MM-DD strings. */
export type JsonCell = string | number | boolean | string[] | null;

/**
 * Every column a full export has, in the order a person reads a customer card: identity,
 * contacts, address, profile, consent, notes, figures, record dates, then custom fields.
 * `name` is left out: first and last name are there separately.
 */
export function allExportColumns(customFields: readonly CustomField[]): ExportColumn[] {
  return [
    'id',
    'firstName',
    'lastName',
    'email',
    'additionalEmails',
    'phone',
    'additionalPhones',
    'company',
    'jobTitle',
    'street',
    'postalCode',
    'city',
    'country',
    'birthDate',
    'gender',
    'language',
    'status',
    'source',
    'sourceDetail',
    'externalId',
    'tags',
    'interests',
    'preferredChannel',
    ...CONSENT_CHANNELS.flatMap((c): ConsentColumn[] => [`consent:${c}`, `consentDate:${c}`]),
    'notes',
    'orderCount',
    'totalSpent',
    'averageBasket',
    'firstPurchaseAt',
    'lastPurchaseAt',
    'lastInteractionAt',
    'createdAt',
    'updatedAt',
    ...customFields.map((f): ExportColumn => `custom:${f.id}`),
  ];
}

const LABELS: Record<BuiltInColumn | ExportOnlyColumn, string> = {
  id: 'Id',
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  additionalEmails: 'Other emails',
  phone: 'Phone',
  additionalPhones: 'Other phones',
  company: 'Company',
  jobTitle: 'Job title',
  street: 'Street',
  postalCode: 'Postal code',
  city: 'City',
  country: 'Country',
  birthDate: 'Birth date',
  gender: 'Gender',
  language: 'Language',
  status: 'Status',
  source: 'Source',
  sourceDetail: 'Source detail',
  externalId: 'External ID',
  tags: 'Tags',
  interests: 'Interests',
  preferredChannel: 'Channel',
  notes: 'Notes',
  orderCount: 'Orders',
  totalSpent: 'Total spent',
  averageBasket: 'Avg. basket',
  firstPurchaseAt: 'First purchase',
  lastPurchaseAt: 'Last purchase',
  lastInteractionAt: 'Last contact',
  createdAt: 'Created',
  updatedAt: 'Updated',
};
const CHANNEL_LABELS: Record<ConsentChannel, string> = {
  email: 'email',
  sms: 'SMS',
  post: 'post',
  phone: 'phone calls',
};

/**
 * An English header for a column, used when the caller passes no translated `labelOf` (the UI
 * should: these are the words of renderer/i18n en `column.*` and `field.*`). A custom column
 * is named by its field's label when `customFields` has it, else by its id.
 */
export function exportColumnLabel(
  column: ExportColumn,
  customFields: readonly CustomField[] = [],
): string {
  if (isCustomColumn(column as ColumnId)) {
    const id = column.slice(7);
    return customFields.find((f) => f.id === id)?.label ?? id;
  }
  const [head, channel] = column.split(':') as [string, ConsentChannel | undefined];
  if (channel) {
    const name = CHANNEL_LABELS[channel];
    return head === 'consent' ? `Consent: ${name}` : `Consent date: ${name}`;
  }
  return LABELS[column as BuiltInColumn | ExportOnlyColumn];
}

/** How a column's value is written: it decides the cell type and the text form. */
type Kind = 'text' | 'list' | 'count' | 'money' | 'moment' | 'day' | 'yesNo' | 'custom';
type Raw = string | string[] | number | boolean | null;

/** Columns that are not plain text; every other one is. */
const KINDS: Partial<Record<BuiltInColumn | ExportOnlyColumn, Kind>> = {
  additionalEmails: 'list',
  additionalPhones: 'list',
  tags: 'list',
  interests: 'list',
  birthDate: 'day',
  orderCount: 'count',
  totalSpent: 'money',
  averageBasket: 'money',
  firstPurchaseAt: 'moment',
  lastPurchaseAt: 'moment',
  lastInteractionAt: 'moment',
  createdAt: 'moment',
  updatedAt: 'moment',
};

function kindOf(column: ExportColumn): Kind {
  if (column.startsWith('custom:')) return 'custom';
  if (column.startsWith('consent:')) return 'yesNo';
  if (column.startsWith('consentDate:')) return 'moment';
  return KINDS[column as BuiltInColumn | ExportOnlyColumn] ?? 'text';
}

/** Money columns: a spreadsheet shows them with two decimals. */
export function isMoneyColumn(column: ExportColumn): boolean {
  return kindOf(column) === 'money';
}

/** How to read a column's raw value, decided once per column rather than once per cell. */
function rawReader(column: ExportColumn): (customer: Customer) => Raw {
  switch (column) {
    case 'name':
      return (c) => `${c.firstName} ${c.lastName}`.trim();
    case 'orderCount':
      return (c) => c.figures.orderCount;
    case 'totalSpent':
      return (c) => c.figures.totalSpentMinor;
    case 'averageBasket':
      return (c) => averageBasketMinor(c.figures);
    case 'firstPurchaseAt':
    case 'lastPurchaseAt':
    case 'lastInteractionAt':
      return (c) => c.figures[column];
  }
  const colon = column.indexOf(':');
  if (colon < 0) {
    const field = column as keyof Customer;
    return (c) => c[field] as Raw;
  }
  const rest = column.slice(colon + 1);
  if (column.startsWith('custom:')) return (c) => c.custom[rest] ?? null;
  const channel = rest as ConsentChannel;
  if (column.startsWith('consent:')) return (c) => c.consent[channel]?.granted ?? null;
  // A consent date of 0 is "unknown" (demo and imported answers), not 1 January 1970.
  return (c) => {
    const at = c.consent[channel]?.at ?? 0;
    return at > 0 ? at : null;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** The calendar day of a moment on this computer's clock, as YYYY-MM-DD. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Minor units as a decimal with a point and two decimals, exact (no float rounding). */
export function moneyText(minor: number): string {
  const abs = Math.abs(Math.round(minor));
  return `${minor < 0 ? '-' : ''}${Math.floor(abs / 100)}.${pad(abs % 100)}`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const LIST_SEPARATOR = ', ';

function csvCell(kind: Kind, value: Raw): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  if (kind === 'money') return moneyText(value as number);
  if (kind === 'moment') return localDay(value as number);
  return String(value);
}

function sheetCell(kind: Kind, value: Raw): SheetCell {
  if (value === null || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.join(LIST_SEPARATOR) : null;
  if (kind === 'money') return (value as number) / 100;
  if (kind === 'moment') return { date: localDay(value as number) };
  // Custom date fields are stored as YYYY-MM-DD text; without their definition, the shape says it.
  if ((kind === 'day' || kind === 'custom') && typeof value === 'string' && ISO_DAY.test(value))
    return { date: value };
  return value;
}

function jsonCell(kind: Kind, value: Raw): JsonCell {
  if (value === null) return null;
  if (kind === 'money') return (value as number) / 100;
  if (kind === 'moment') return localDay(value as number);
  return value;
}

type CellOf<F extends ExportFormat> = { csv: string; xlsx: SheetCell; json: JsonCell }[F];

/**
 * How a column becomes a cell in one format, decided once: call it for each customer. This is
 * what a long export uses; `cellValue` is the same for a single cell.
 * - csv: always a string; dates YYYY-MM-DD, money with a point and 2 decimals, lists joined
 *   with ", ", yes/no as `true`/`false`, choices as their code (`customer`, `fr`), empty as ''.
 * - xlsx: numbers and yes/no stay typed, dates become {date}, empty becomes null (no cell).
 * - json: like xlsx, but lists stay arrays and dates stay YYYY-MM-DD strings.
 * Moments (purchase, creation dates) become the calendar day on this computer's clock.
 */
export function cellReader<F extends ExportFormat>(
  column: ExportColumn,
  format: F,
): (customer: Customer) => CellOf<F> {
  const kind = kindOf(column);
  const read = rawReader(column);
  const write = format === 'csv' ? csvCell : format === 'xlsx' ? sheetCell : jsonCell;
  return (customer) => write(kind, read(customer)) as CellOf<F>;
}

/** The value a customer has in a column, ready for one format (see `cellReader`). */
export function cellValue<F extends ExportFormat>(
  customer: Customer,
  column: ExportColumn,
  format: F,
): CellOf<F> {
  return cellReader(column, format)(customer);
}
