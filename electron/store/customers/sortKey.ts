import type { Customer, CustomerSortField } from '../../../shared/domain/customer';

/** Lower-case, accent-free form used to sort ("Élodie" sorts with "elodie"). */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function sortKeyOf(customer: Customer, field: CustomerSortField): string | number {
  const value = customer[field];
  return typeof value === 'number' ? value : foldText(value);
}
