import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Customer } from '../../../../shared/domain/customer';
import { useServices } from '../../../app/services';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';
import { usePaintMarks, useSearchPaintMark } from '../hooks/usePaintMarks';
import { rowAt } from '../stores/customerListStore';
import { listScroll, useListViewStore } from '../stores/listViewStore';
import { columnLabel, columnSpec, liveColumns } from '../utils/columns';
import { CustomerRow, ROW_HEIGHT } from './CustomerRow';

export interface CustomerListProps {
  onEdit(customer: Customer): void;
  onDelete(customer: Customer): void;
}

const SELECT_TRACK = '44px';
const ACTIONS_TRACK = '88px';

/** The whole customer file as one scrollable table; only the visible rows exist in the DOM. */
export const CustomerList = memo(function CustomerList({ onEdit, onDelete }: CustomerListProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { customerList, fileSettings } = useServices();
  // Not the query: a keystroke must not redraw the table, only the rows it brings back.
  const state = useStore(
    customerList,
    useShallow((s) => ({
      total: s.total,
      pages: s.pages,
      sort: s.sort,
      filter: s.filter,
      shown: s.shown,
      setSort: s.setSort,
    })),
  );
  const settings = useStore(fileSettings, (s) => s.settings);
  const chosen = useListViewStore((s) => s.columns);
  const selected = useListViewStore((s) => s.selected);
  const toggle = useListViewStore((s) => s.toggle);
  const open = useListViewStore((s) => s.openCustomer);
  const total = state.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useMemo(
    () => liveColumns(chosen, settings.customFields),
    [chosen, settings.customFields],
  );
  const cellContext = useMemo(
    () => ({ language, currency: settings.currency, country: settings.defaultCountry, t }),
    [language, settings.currency, settings.defaultCountry, t],
  );
  const specs = columns.map((c) => columnSpec(c, settings.customFields));
  const layout = {
    '--columns': [SELECT_TRACK, ...specs.map((s) => s.track), ACTIONS_TRACK].join(' '),
    '--min-width': `${44 + 88 + specs.reduce((sum, s) => sum + s.min, 0)}px`,
  } as React.CSSProperties;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialOffset: () => listScroll.top,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) customerList.getState().ensureRows(first, last);
  }, [customerList, first, last, total]);
  usePaintMarks(total > 0 && rowAt(state.pages, first) !== undefined);
  useSearchPaintMark(state.shown);

  // A new search's or filter's first matches arrived: back to the top (not when the list comes back).
  const shownFor = useRef({ query: state.shown.query, filter: state.filter });
  useEffect(() => {
    const now = { query: state.shown.query, filter: state.filter };
    if (shownFor.current.query === now.query && shownFor.current.filter === now.filter) return;
    shownFor.current = now;
    // Only when not at the top already: scrollTo forces a layout (~6 ms a keystroke at 100k).
    if (listScroll.top !== 0) scrollRef.current?.scrollTo({ top: 0 });
  }, [state.shown.query, state.filter]);

  // Arrow keys move between rows, scrolling the next one into view first.
  // Stable between renders, so memoized rows whose customer did not change are not redrawn.
  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>, index: number) => {
      const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      const next = Math.min(Math.max(index + step, 0), total - 1);
      virtualizer.scrollToIndex(next);
      requestAnimationFrame(() =>
        scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus(),
      );
    },
    [total, virtualizer],
  );
  const onOpen = useCallback((customer: Customer) => open(customer.id), [open]);

  const loaded = items
    .map((item) => rowAt(state.pages, item.index))
    .filter((c): c is Customer => !!c);
  const allVisibleSelected = loaded.length > 0 && loaded.every((c) => selected.has(c.id));
  return (
    <div
      className="customer-table"
      role="table"
      aria-label={t('customers.title')}
      aria-rowcount={total + 1}

      style={layout}
    >
      <div className="customer-row customer-head" role="row" aria-rowindex={1}>
        <div role="columnheader" className="cell cell-select">
          <span className="visually-hidden">{t('customers.selection')}</span>
          <input
            type="checkbox"
            aria-label={t('customers.selectShown')}
            checked={allVisibleSelected}
            onChange={() => {
              const ids = new Set(selected);
              for (const c of loaded) {
                if (allVisibleSelected) ids.delete(c.id);
                else ids.add(c.id);
              }
              useListViewStore.getState().select([...ids]);
            }}
          />
        </div>
        {columns.map((column, i) => {
          const sorted = state.sort.field === column;
          const label = columnLabel(column, settings.customFields, t);
          return (
            <div
              key={column}
              role="columnheader"
              className={`cell cell-${column.replace(':', '-')}${specs[i]!.numeric ? ' cell-number' : ''}`}
              aria-sort={
                sorted ? (state.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
              }
            >
              <button
                type="button"
                className="sort-button"
                title={t('customers.sortBy', { column: label })}
                onClick={() => state.setSort(column)}
              >
                {label}
                <span aria-hidden="true" className="sort-mark">
                  {sorted ? (state.sort.direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          );
        })}
        <div role="columnheader" className="cell cell-actions">
          <span className="visually-hidden">{t('customers.column.actions')}</span>
        </div>
      </div>
      <div
        ref={scrollRef}
        className="customer-scroll"
        role="rowgroup"
        onScroll={(event) => (listScroll.top = event.currentTarget.scrollTop)}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const customer = rowAt(state.pages, item.index);
            return (
              <CustomerRow
                key={item.key}
                index={item.index}
                top={item.start}
                customer={customer}
                columns={columns}
                customFields={settings.customFields}
                cellContext={cellContext}
                selected={customer ? selected.has(customer.id) : false}
                onOpen={onOpen}
                onEdit={onEdit}
                onDelete={onDelete}
                onToggle={toggle}
                onKeyDown={onRowKeyDown}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
});
