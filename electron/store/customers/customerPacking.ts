import { CONSENT_CHANNELS } from '../../../shared/domain/consent';
import {
  EMPTY_CUSTOMER_FIELDS,
  NO_FIGURES,
  upgradeCustomer,
  type Customer,
} from '../../../shared/domain/customer';
import { EMPTY_FIGURES } from '../../../shared/domain/figures';
import type { PageEncoding } from '../pages/recordPages';

/**
 * Customers are sealed without their empty fields and filled back on load: most fields of most
 * customers are empty, and JSON parsing at unlock costs in proportion to the bytes (710 bytes a
 * demo customer in full, about 355 packed). `upgradeCustomer` (shared) fills them back.
 */
export function packCustomer(customer: Customer): Partial<Customer> {
  const packed: Record<string, unknown> = {};
  const fields = customer as unknown as Record<string, unknown>;
  // Keys, not entries: an import seals 100k customers, and a pair array per field adds up.
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === '' || value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (key === 'custom' && Object.keys(value as object).length === 0) continue;
    if (key === 'consent' && CONSENT_CHANNELS.every((c) => customer.consent[c] === null)) continue;
    if (key === 'figures' && isEmptyFigures(customer.figures)) continue;
    packed[key] = value;
  }
  return packed as Partial<Customer>;
}

function isEmptyFigures(figures: Customer['figures']): boolean {
  return (Object.keys(EMPTY_FIGURES) as (keyof typeof EMPTY_FIGURES)[]).every(
    (key) => figures[key] === EMPTY_FIGURES[key],
  );
}

/**
 * A page of customers as columns: the page's field names once, then one array of values per
 * customer (null where the field is empty). Half the bytes of a list of objects, and V8 parses
 * arrays of values about twice as fast as objects repeating their keys (measured in Chromium:
 * 100k customers, 300 ms -> 150 ms), which is most of an unlock.
 */
interface CustomerColumns {
  fields: string[];
  rows: unknown[][];
}

export const customerPageEncoding: PageEncoding<Customer> = {
  encode(customers) {
    const packed = customers.map(packCustomer);
    const fields = [...new Set(packed.flatMap((c) => Object.keys(c)))];
    const rows = packed.map((c) => fields.map((f) => (c as Record<string, unknown>)[f] ?? null));
    return { fields, rows } satisfies CustomerColumns;
  },
  decode(payload) {
    // Pages sealed before the columns: a list of packed customers.
    if (Array.isArray(payload)) return payload.map((c) => upgradeCustomer(checkedId(c)));
    const { fields, rows } = (payload ?? {}) as Partial<CustomerColumns>;
    if (!Array.isArray(fields) || !Array.isArray(rows) || fields.some((f) => typeof f !== 'string'))
      throw new Error('not a page of customers');
    const at = columnsOf(fields);
    if (at.id < 0 && rows.length > 0) throw new Error('a page of customers without ids');
    const customers: Customer[] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!Array.isArray(row)) throw new Error(`customer ${r} of the page is not a row`);
      if (typeof row[at.id] !== 'string') throw new Error('a customer of the page has no id');
      customers[r] = customerFromRow(row, at);
    }
    return customers;
  },
};

type Columns = { [K in keyof Customer]-?: number };

/** Where each field is in a page's rows; -1 when the page has it for nobody. */
function columnsOf(fields: string[]): Columns {
  const at = {} as Record<string, number>;
  for (const key of [...Object.keys(EMPTY_CUSTOMER_FIELDS), ...STORE_FIELDS]) {
    at[key] = fields.indexOf(key);
  }
  return at as Columns;
}

const STORE_FIELDS = ['id', 'createdAt', 'updatedAt', 'version', 'figures'] as const;

/**
 * One customer from its row, in one object literal like `upgradeCustomer` (whose empty values
 * it shares): building an object of the page's fields first and filling it after costs twice
 * as much at 100k (keyed stores of varying names). The compiler checks no field is forgotten;
 * the round-trip property test checks the values.
 */
function customerFromRow(row: unknown[], at: Columns): Customer {
  const empty = EMPTY_CUSTOMER_FIELDS;
  const get = (i: number): never => (i < 0 ? undefined : (row[i] ?? undefined)) as never;
  return {
    id: row[at.id] as string,
    firstName: get(at.firstName) ?? empty.firstName,
    lastName: get(at.lastName) ?? empty.lastName,
    email: get(at.email) ?? empty.email,
    additionalEmails: get(at.additionalEmails) ?? empty.additionalEmails,
    phone: get(at.phone) ?? empty.phone,
    additionalPhones: get(at.additionalPhones) ?? empty.additionalPhones,
    street: get(at.street) ?? empty.street,
    postalCode: get(at.postalCode) ?? empty.postalCode,
    city: get(at.city) ?? empty.city,
    country: get(at.country) ?? empty.country,
    birthDate: get(at.birthDate) ?? empty.birthDate,
    gender: get(at.gender) ?? empty.gender,
    language: get(at.language) ?? empty.language,
    company: get(at.company) ?? empty.company,
    jobTitle: get(at.jobTitle) ?? empty.jobTitle,
    source: get(at.source) ?? empty.source,
    sourceDetail: get(at.sourceDetail) ?? empty.sourceDetail,
    externalId: get(at.externalId) ?? empty.externalId,
    status: get(at.status) ?? empty.status,
    tags: get(at.tags) ?? empty.tags,
    interests: get(at.interests) ?? empty.interests,
    preferredChannel: get(at.preferredChannel) ?? empty.preferredChannel,
    consent: get(at.consent) ?? empty.consent,
    notes: get(at.notes) ?? empty.notes,
    custom: get(at.custom) ?? empty.custom,
    createdAt: get(at.createdAt) ?? 0,
    updatedAt: get(at.updatedAt) ?? 0,
    version: get(at.version) ?? 1,
    figures: get(at.figures) ?? NO_FIGURES,
  };
}

function checkedId(stored: unknown): Partial<Customer> & { id: string } {
  const id = (stored as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') throw new Error('a customer of the page has no id');
  return stored as Partial<Customer> & { id: string };
}
