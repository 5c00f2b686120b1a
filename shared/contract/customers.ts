import { z } from 'zod';
import {
  CUSTOMER_SORT_FIELDS,
  customerInputSchema,
  customerPatchSchema,
  type Customer,
} from '../domain/customer';
import { method } from './define';

const customerId = z.string().min(1).max(64);

export const LIST_PAGE_MAX = 500;
export const SEARCH_MAX = 200;

/** A window of the list: `total` rows match (the search, if any), out of `all` customers. */
export interface CustomerPage {
  total: number;
  all: number;
  rows: Customer[];
}

export const customersContract = {
  'customers.list': method<CustomerPage>()(
    z.strictObject({
      offset: z.int().nonnegative(),
      /** Search as you type: every word must match a name, email, phone, city or tag. */
      query: z.string().max(SEARCH_MAX, { error: 'tooLong' }).default(''),
      limit: z.int().min(1).max(LIST_PAGE_MAX),
      sort: z
        .strictObject({
          field: z.enum(CUSTOMER_SORT_FIELDS),
          direction: z.enum(['asc', 'desc']),
        })
        .default({ field: 'lastName', direction: 'asc' }),
    }),
  ),
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
  'customers.delete': method<{ deleted: number }>()(
    z.strictObject({ ids: z.array(customerId).min(1).max(100_000) }),
  ),
};

export type CustomersChange =
  | { kind: 'created' | 'updated'; ids: string[] }
  | { kind: 'deleted'; ids: string[] }
  | { kind: 'bulk'; count: number };
