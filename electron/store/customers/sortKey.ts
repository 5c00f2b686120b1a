import type { Customer, CustomerSortField } from '../../../shared/domain/customer';

/** Lower-case, accent-free form used to sort ("Élodie" sorts with "elodie"). */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

// Empty values sort last whatever the direction, as spreadsheet users expect.
const EMPTY_LAST = '\uffff';

export function sortKeyOf(customer: Customer, field: CustomerSortField): string | number {
  const value = customer[field];
  if (typeof value === 'number') return value;
  return value === '' ? EMPTY_LAST : foldText(value);
}

/** Compares two customers by `field`, then by last name, first name and id for a stable order. */
export function compareCustomers(
  a: Customer,
  b: Customer,
  field: CustomerSortField,
  direction: 'asc' | 'desc',
): number {
  const primary = compareKeys(sortKeyOf(a, field), sortKeyOf(b, field));
  if (primary !== 0) {
    const bothFilled = a[field] !== '' && b[field] !== '';
    return direction === 'asc' || !bothFilled ? primary : -primary;
  }
  return (
    compareKeys(sortKeyOf(a, 'lastName'), sortKeyOf(b, 'lastName')) ||
    compareKeys(sortKeyOf(a, 'firstName'), sortKeyOf(b, 'firstName')) ||
    compareKeys(a.id, b.id)
  );
}

function compareKeys(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
