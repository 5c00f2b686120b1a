import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CoreClient } from '../../../../shared/contract/core';
import {
  DEFAULT_LIST_SORT,
  NO_LIST_FILTER,
  type ListFilter,
} from '../../../../shared/contract/customers';
import type { Customer } from '../../../../shared/domain/customer';
import type { ColumnId } from '../../../../shared/domain/customerColumns';
import { benchMark } from '../../../app/benchMark';

// 50 rows: more than a screen with its overscan. Every keystroke's answer is one page, cloned
// in the store and again in the UI: at 100 rows that was 2 ms of a 16 ms budget.
export const PAGE_SIZE = 50;
export const SEARCH_SHOWN = 'comptoir:search-shown';

export interface ListSort {
  field: ColumnId;
  direction: 'asc' | 'desc';
}

export interface CustomerListState {
  sort: ListSort;
  /** Search as you type; '' lists everyone. */
  query: string;
  /** Quick filters on status and tag, a saved segment, a dashboard figure. */
  filter: ListFilter;
  /** Rows matching the query (all customers when there is none); null until the first page. */
  total: number | null;
  /** Customers in the file, whatever the query. */
  all: number | null;
  /** The query whose first page is on screen, and how many times one was shown (for the bench). */
  shown: { query: string; count: number };
  pages: ReadonlyMap<number, Customer[]>;
  error: unknown;
  setSort(field: ColumnId): void;
  setFilter(filter: ListFilter): void;
  setQuery(query: string): void;
  /** Fetches the pages covering rows [first, last] that are not loaded yet. */
  ensureRows(first: number, last: number): void;
  /** Drops every loaded page and fetches again (after any change in the store). */
  refresh(): void;
  /** Forgets every row (on lock): nothing decrypted stays in the UI. */
  reset(): void;
}

export type CustomerListStore = StoreApi<CustomerListState>;

/** Pages of the sorted customer list, fetched on demand for the virtualized table. */
export function createCustomerListStore(core: CoreClient): CustomerListStore {
  let generation = 0;
  const loading = new Set<number>();
  // Pages fetched since the last refresh; older pages stay on screen until replaced.
  const fresh = new Set<number>();
  let lastRange: [number, number] = [0, PAGE_SIZE - 1];

  return createStore<CustomerListState>((set, get) => {
    const fetchPage = (page: number) => {
      if (loading.has(page) || fresh.has(page)) return;
      loading.add(page);
      const asked = generation;
      const { sort, query, filter } = get();
      core
        .send('customers.list', { offset: page * PAGE_SIZE, limit: PAGE_SIZE, sort, query, filter })
        .then(({ total, all, rows }) => {
          if (asked !== generation) return;
          fresh.add(page);
          const pages = new Map(get().pages);
          pages.set(page, rows);
          // Past the new end of the list, stale pages must go.
          for (const key of pages.keys())
            if (key * PAGE_SIZE >= total && key !== 0) pages.delete(key);
          const shown = page === 0 ? { query, count: get().shown.count + 1 } : get().shown;
          // User Timing for the bench: a search's first rows reached the UI.
          if (page === 0) benchMark(SEARCH_SHOWN, query);
          set({ total, all, pages, error: null, shown });
        })
        .catch((error: unknown) => {
          if (asked === generation) set({ error });
        })
        .finally(() => {
          if (asked === generation) loading.delete(page);
        });
    };

    const refresh = () => {
      generation += 1;
      loading.clear();
      fresh.clear();
      fetchPage(0);
      get().ensureRows(...lastRange);
    };

    return {
      sort: DEFAULT_LIST_SORT,
      query: '',
      filter: NO_LIST_FILTER,
      total: null,
      all: null,
      shown: { query: '', count: 0 },
      pages: new Map(),
      error: null,
      setSort(field) {
        const { sort } = get();
        const direction = sort.field === field && sort.direction === 'asc' ? 'desc' : 'asc';
        // A new order makes every loaded page wrong: drop them rather than show them stale.
        set({ sort: { field, direction }, pages: new Map() });
        refresh();
      },
      setFilter(filter) {
        set({ filter, pages: new Map() });
        lastRange = [0, PAGE_SIZE - 1];
        refresh();
      },
      setQuery(query) {
        if (query === get().query) return;
        // The rows on screen stay until the new ones arrive: no flash of an empty list.
        set({ query });
        lastRange = [0, PAGE_SIZE - 1];
        refresh();
      },
      ensureRows(first, last) {
        lastRange = [first, last];
        const { total } = get();
        const end = total === null ? last : Math.min(last, total - 1);
        for (
          let page = Math.floor(first / PAGE_SIZE);
          page <= Math.floor(end / PAGE_SIZE);
          page++
        ) {
          fetchPage(page);
        }
      },
      refresh,
      reset() {
        generation += 1;
        loading.clear();
        fresh.clear();
        set({
          pages: new Map(),
          total: null,
          all: null,
          query: '',
          filter: NO_LIST_FILTER,
          error: null,
        });
      },
    };
  });
}

export function rowAt(pages: CustomerListState['pages'], index: number): Customer | undefined {
  return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}
