import { z } from 'zod';
import type { Customer } from './customer';
import { averageBasketMinor } from './figures';
import { foldText } from './fold';

/** Columns the customer list can show and sort by; custom fields come as `custom:<id>`. */
export const BUILT_IN_COLUMNS = [
  'name',
  'email',
  'phone',
  'company',
  'jobTitle',
  'city',
  'postalCode',
  'country',
  'status',
  'tags',
  'interests',
  'source',
  'preferredChannel',
  'language',
  'birthDate',
  'orderCount',
  'totalSpent',
  'averageBasket',
  'firstPurchaseAt',
  'lastPurchaseAt',
  'lastInteractionAt',
  'createdAt',
  'updatedAt',
] as const;
export type BuiltInColumn = (typeof BUILT_IN_COLUMNS)[number];
export type ColumnId = BuiltInColumn | `custom:${string}`;

export const DEFAULT_COLUMNS: ColumnId[] = [
  'name',
  'email',
  'phone',
  'city',
  'status',
  'tags',
  'orderCount',
  'lastPurchaseAt',
];

export const columnIdSchema = z.union([
  z.enum(BUILT_IN_COLUMNS),
  z.templateLiteral(['custom:', z.string().regex(/^[a-z0-9_-]{1,40}$/)]),
]);

export function isCustomColumn(column: ColumnId): column is `custom:${string}` {
  return column.startsWith('custom:');
}

const STATUS_ORDER = { lead: 0, prospect: 1, customer: 2, inactive: 3, archived: 4 } as const;

/** The value a column sorts on; null sorts last whatever the direction. */
export function sortValueOf(customer: Customer, column: ColumnId): string | number | null {
  const f = customer.figures;
  switch (column) {
    case 'name':
      return foldText(`${customer.lastName} ${customer.firstName}`.trim()) || null;
    case 'status':
      return STATUS_ORDER[customer.status];
    case 'tags':
    case 'interests':
      return customer[column].length ? foldText(customer[column].join(' ')) : null;
    case 'orderCount':
      return f.orderCount;
    case 'totalSpent':
      return f.totalSpentMinor;
    case 'averageBasket':
      return averageBasketMinor(f);
    case 'firstPurchaseAt':
    case 'lastPurchaseAt':
    case 'lastInteractionAt':
      return f[column];
    case 'createdAt':
    case 'updatedAt':
      return customer[column];
    default: {
      if (isCustomColumn(column)) {
        const value = customer.custom[column.slice(7)];
        if (value === null || value === undefined || value === '') return null;
        if (typeof value === 'number') return value;
        if (typeof value === 'boolean') return value ? 1 : 0;
        return foldText(Array.isArray(value) ? value.join(' ') : value) || null;
      }
      const value = customer[column];
      return value === '' ? null : foldText(value);
    }
  }
}
