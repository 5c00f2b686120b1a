import type { ColumnId } from '../../../shared/domain/customerColumns';
import { sortValueOf } from '../../../shared/domain/customerColumns';
import type { Customer } from '../../../shared/domain/customer';
import type { ListFilter } from '../../../shared/contract/customers';
import { foldText } from '../../../shared/domain/fold';

export interface ListSort {
  field: ColumnId;
  direction: 'asc' | 'desc';
}

/** Ids sorted by precomputed keys (folding accents once per customer, not once per comparison). */
export function sortIds(customers: Iterable<Customer>, sort: ListSort): string[] {
  const rows = [];
  for (const c of customers) {
    rows.push({
      id: c.id,
      key: sortValueOf(c, sort.field),
      name: sort.field === 'name' ? '' : (sortValueOf(c, 'name') ?? ''),
    });
  }
  const sign = sort.direction === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    // Empty values last, whatever the direction.
    if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
    return sign * cmp(a.key ?? 0, b.key ?? 0) || cmp(a.name, b.name) || cmp(a.id, b.id);
  });
  return rows.map((r) => r.id);
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isFiltered(filter: ListFilter | undefined): boolean {
  return !!filter && (filter.statuses.length > 0 || filter.tag !== '');
}

/** The quick filters: any of the chosen statuses, and the tag (accent- and case-free). */
export function filterIds(
  ids: string[],
  filter: ListFilter,
  get: (id: string) => Customer,
): string[] {
  const statuses = new Set(filter.statuses);
  const tag = foldText(filter.tag);
  return ids.filter((id) => {
    const c = get(id);
    if (statuses.size > 0 && !statuses.has(c.status)) return false;
    return tag === '' || c.tags.some((t) => foldText(t) === tag);
  });
}
