import type { ColumnId } from '../../../shared/domain/customerColumns';
import { sortValueOf } from '../../../shared/domain/customerColumns';
import type { Customer } from '../../../shared/domain/customer';
import type { ListFilter } from '../../../shared/contract/customers';
import { foldText } from '../../../shared/domain/fold';

export interface ListSort {
  field: ColumnId;
  direction: 'asc' | 'desc';
}

/** One string per customer (value, name, id) that sorts as the list does; empty values apart. */
export interface SortKeys {
  keyed: string[];
  empty: string[];
  direction: 'asc' | 'desc';
}

export function sortKeys(customers: Iterable<Customer>, sort: ListSort): SortKeys {
  const keyed: string[] = [];
  const empty: string[] = [];
  const byName = sort.field === 'name';
  for (const c of customers) {
    const value = sortValueOf(c, sort.field);
    // Sorting by name, the value is the name: fold it once, not twice (100k times at unlock).
    const name = byName ? '' : (sortValueOf(c, 'name') ?? '');
    if (value === null) empty.push(`${byName ? '' : name}${SEP}${c.id}`);
    else {
      const key = typeof value === 'number' ? numberKey(value) : value;
      keyed.push(`${key}${SEP}${name}${SEP}${c.id}`);
    }
  }
  return { keyed, empty, direction: sort.direction };
}

/**
 * Ids in list order, with the engine's own sort and no comparator: about three times faster
 * than a comparator at 100k. Empty values come last in both directions; within equal values, by
 * name then id (both reversed in descending order).
 */
export function sortedIdsOf({ keyed, empty, direction }: SortKeys): string[] {
  keyed.sort();
  if (direction === 'desc') keyed.reverse();
  empty.sort();
  return [...keyed.map(idOf), ...empty.map(idOf)];
}

export function sortIds(customers: Iterable<Customer>, sort: ListSort): string[] {
  return sortedIdsOf(sortKeys(customers, sort));
}

/**
 * The first `count` ids in list order without sorting the rest (the first page at unlock). Only
 * a customer whose value could make the page gets its full key built: at 100k that is a few
 * hundred strings, not 100k.
 */
export function firstIds(customers: Iterable<Customer>, sort: ListSort, count: number): string[] {
  const asc = sort.direction === 'asc';
  const byName = sort.field === 'name';
  const best: string[] = [];
  let worst: string | null = null; // the value part of the last key kept, once the page is full
  let worstHead = -1;
  const emptyOnes: Customer[] = [];
  for (const c of customers) {
    // By name, most customers are left out by the first letter alone, without folding the name.
    if (worstHead >= 0 && byName) {
      const head = nameHead(c);
      if (head >= 0 && (asc ? head > worstHead : head < worstHead)) continue;
    }
    const value = sortValueOf(c, sort.field);
    if (value === null) {
      emptyOnes.push(c);
      continue;
    }
    const key = typeof value === 'number' ? numberKey(value) : value;
    if (worst !== null && (asc ? key > worst : key < worst)) continue;
    const name = sort.field === 'name' ? '' : (sortValueOf(c, 'name') ?? '');
    insertSorted(best, `${key}${SEP}${name}${SEP}${c.id}`, asc);
    if (best.length > count) best.pop();
    if (best.length === count) {
      worst = best[count - 1]!.slice(0, best[count - 1]!.indexOf(SEP));
      worstHead = worst.length > 0 ? worst.charCodeAt(0) : -1;
    }
  }
  const ids = best.map(idOf);
  if (ids.length < count) {
    const empty = emptyOnes.map((c) => `${sortValueOf(c, 'name') ?? ''}${SEP}${c.id}`).sort();
    ids.push(...empty.slice(0, count - ids.length).map(idOf));
  }
  return ids;
}

/**
 * The first character of a customer's folded name, when it is a plain ASCII letter or digit
 * (folding leaves it as it is, lower-cased); -1 otherwise (the caller folds the whole name).
 */
function nameHead(c: Customer): number {
  const source = c.lastName !== '' ? c.lastName : c.firstName;
  const code = source.charCodeAt(0); // NaN for ''
  if (code >= 65 && code <= 90) return code + 32; // A-Z
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return code; // a-z, 0-9
  return -1;
}

function insertSorted(list: string[], key: string, asc: boolean): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (asc ? list[mid]! < key : list[mid]! > key) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, key);
}

function idOf(key: string): string {
  return key.slice(key.lastIndexOf(SEP) + 1);
}

/** Below every character a value can hold, so "Dupont" sorts before "Dupontel". */
const SEP = '\u0000';
const bits = new DataView(new ArrayBuffer(8));

/** A number as 16 hex digits that sort as the numbers do (negatives and fractions included). */
export function numberKey(value: number): string {
  bits.setFloat64(0, value);
  let high = bits.getUint32(0);
  let low = bits.getUint32(4);
  if (high & 0x80000000) {
    high = ~high >>> 0;
    low = ~low >>> 0;
  } else {
    high = (high | 0x80000000) >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/** The quick filters: any of the chosen statuses, and the tag (accent- and case-free). */
export function filterIds(
  ids: string[],
  filter: Pick<ListFilter, 'statuses' | 'tag'>,
  get: (id: string) => Customer,
  /** The members of the filter's segment or dashboard figure. */
  members?: ReadonlySet<string>,
): string[] {
  const statuses = new Set(filter.statuses);
  const tag = foldText(filter.tag);
  return ids.filter((id) => {
    if (members && !members.has(id)) return false;
    const c = get(id);
    if (statuses.size > 0 && !statuses.has(c.status)) return false;
    return tag === '' || c.tags.some((t) => foldText(t) === tag);
  });
}
