import { create } from 'zustand';
import {
  DEFAULT_COLUMNS,
  columnIdSchema,
  type ColumnId,
} from '../../../../shared/domain/customerColumns';

const COLUMNS_KEY = 'comptoir.columns';

function savedColumns(): ColumnId[] {
  // Column choice is a UI preference, not personal data, so it may live in localStorage.
  try {
    const saved: unknown = JSON.parse(globalThis.localStorage?.getItem(COLUMNS_KEY) ?? 'null');
    if (Array.isArray(saved)) {
      const valid = saved.filter((c) => columnIdSchema.safeParse(c).success) as ColumnId[];
      if (valid.length > 0) return valid;
    }
  } catch {
    // A damaged preference falls back to the defaults.
  }
  return DEFAULT_COLUMNS;
}

/** Where the list was scrolled to, so it comes back there after a customer page (not state: no re-render). */
export const listScroll = { top: 0 };

interface ListViewState {
  /** The customer whose page is open, or null for the list. */
  openId: string | null;
  columns: ColumnId[];
  /** Selected customer ids, for bulk actions. */
  selected: ReadonlySet<string>;
  openCustomer(id: string | null): void;
  setColumns(columns: ColumnId[]): void;
  toggle(id: string): void;
  select(ids: string[]): void;
  clearSelection(): void;
}

export const useListViewStore = create<ListViewState>((set, get) => ({
  openId: null,
  columns: savedColumns(),
  selected: new Set(),
  openCustomer(id) {
    set({ openId: id });
  },
  setColumns(columns) {
    globalThis.localStorage?.setItem(COLUMNS_KEY, JSON.stringify(columns));
    set({ columns });
  },
  toggle(id) {
    const selected = new Set(get().selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    set({ selected });
  },
  select(ids) {
    set({ selected: new Set(ids) });
  },
  clearSelection() {
    set({ selected: new Set() });
  },
}));
