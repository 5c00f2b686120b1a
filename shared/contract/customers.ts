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

export const customersContract = {
  'customers.list': method<{ total: number; rows: Customer[] }>()(
    z.strictObject({
      offset: z.int().nonnegative(),
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
