import { z } from 'zod';
import { columnIdSchema } from '../domain/customerColumns';
import {
  CUSTOMER_STATUSES,
  customerInputSchema,
  customerPatchSchema,
  type Customer,
} from '../domain/customer';
import type { TimelineEntry } from '../domain/timeline';
import { method } from './define';
import { kpiDrillSchema } from './kpi';

export const customerId = z.string().min(1).max(64);
export const LIST_PAGE_MAX = 500;
export const SEARCH_MAX = 200;
export const BULK_MAX = 100_000;

/** A window of the list: `total` rows match (the search and filters), out of `all` customers. */
export interface CustomerPage {
  total: number;
  all: number;
  rows: Customer[];
}

/** Which customers a list shows: search as you type, then quick filters. */
/** The list's order until the user picks a column: by name, A to Z. */
export const DEFAULT_LIST_SORT = { field: 'name', direction: 'asc' } as const;

/** What picks and orders the rows of the list (shared with an export of the list as shown). */
export const listQuerySchema = {
  /** Every word must match a name, email, phone, company, city or tag. */
  query: z.string().max(SEARCH_MAX, { error: 'tooLong' }).default(''),
  filter: z
    .strictObject({
      statuses: z.array(z.enum(CUSTOMER_STATUSES)).max(CUSTOMER_STATUSES.length).default([]),
      tag: z.string().trim().max(40).default(''),
      /** A saved segment's id: only its members. */
      segment: z.string().max(64).default(''),
      /** The customers behind a dashboard figure (with a segment too: those in both). */
      kpi: kpiDrillSchema.nullable().default(null),
    })
    .default({ statuses: [], tag: '', segment: '', kpi: null }),
  sort: z
    .strictObject({ field: columnIdSchema, direction: z.enum(['asc', 'desc']) })
    .default(DEFAULT_LIST_SORT),
};
export type ListFilter = z.output<typeof listQuerySchema.filter>;

/** The list of every customer: no status, tag, segment or dashboard figure. */
export const NO_LIST_FILTER: ListFilter = Object.freeze({
  statuses: [],
  tag: '',
  segment: '',
  kpi: null,
});

/** Whether a status, a tag, a segment or a dashboard figure narrows the list. */
export function isFiltered(filter: Partial<ListFilter> | undefined): boolean {
  return (
    !!filter &&
    ((filter.statuses?.length ?? 0) > 0 || !!filter.tag || !!filter.segment || !!filter.kpi)
  );
}

const tagList = z
  .array(z.string().trim().min(1, { error: 'required' }).max(40, { error: 'tooLong' }))
  .max(30);

export const customersContract = {
  'customers.list': method<CustomerPage>()(
    z.strictObject({
      offset: z.int().nonnegative(),
      limit: z.int().min(1).max(LIST_PAGE_MAX),
      ...listQuerySchema,
    }),
  ),
  /** The ids of every customer the list shows, for "select all N". */
  'customers.ids': method<string[]>()(z.strictObject(listQuerySchema)),
  'customers.get': method<Customer>()(z.strictObject({ id: customerId })),
  'customers.create': method<Customer>()(z.strictObject({ customer: customerInputSchema })),
  'customers.update': method<Customer>()(
    z.strictObject({
      id: customerId,
      patch: customerPatchSchema,
      /** The version the edit started from: a newer stored version means CONFLICT. */
      expectedVersion: z.int().positive(),
    }),
  ),
  'customers.bulkUpdate': method<{ updated: number }>()(
    z
      .strictObject({
        ids: z.array(customerId).min(1).max(BULK_MAX),
        addTags: tagList.default([]),
        removeTags: tagList.default([]),
        status: z.enum(CUSTOMER_STATUSES).optional(),
      })
      .refine((b) => b.addTags.length + b.removeTags.length > 0 || b.status !== undefined, {
        error: 'required',
        path: ['addTags'],
      }),
  ),
  'customers.delete': method<{ deleted: number }>()(
    z.strictObject({ ids: z.array(customerId).min(1).max(BULK_MAX) }),
  ),
  /** Purchases, interactions and changes of one customer, newest first. */
  'customers.timeline': method<TimelineEntry[]>()(z.strictObject({ id: customerId })),
  /** Every tag in use, most used first, for the quick filter and suggestions. */
  'customers.tags': method<{ tag: string; count: number }[]>()(z.strictObject({})),
};

export type CustomersChange =
  | { kind: 'created' | 'updated'; ids: string[] }
  | { kind: 'deleted'; ids: string[] }
  | { kind: 'bulk'; count: number };
