import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { Customer, CustomerSortField } from '../../../../shared/domain/customer';
import { useServices } from '../../../app/services';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { usePaintMarks, useSearchPaintMark } from '../hooks/usePaintMarks';
import { rowAt } from '../stores/customerListStore';
import { CustomerRow, ROW_HEIGHT } from './CustomerRow';

export interface CustomerListProps {
  onEdit(customer: Customer): void;
  onDelete(customer: Customer): void;
}

const COLUMNS: { key: string; label: MessageKey; sort?: CustomerSortField }[] = [
  { key: 'name', label: 'customers.column.name', sort: 'lastName' },
  { key: 'email', label: 'customers.column.email', sort: 'email' },
  { key: 'phone', label: 'customers.column.phone', sort: 'phone' },
  { key: 'city', label: 'customers.column.city', sort: 'city' },
  { key: 'tags', label: 'customers.column.tags' },
  { key: 'updatedAt', label: 'customers.column.updatedAt', sort: 'updatedAt' },
  { key: 'actions', label: 'customers.column.actions' },
];

/** The whole customer file as one scrollable table; only the visible rows exist in the DOM. */
export function CustomerList({ onEdit, onDelete }: CustomerListProps) {
  const t = useT();
  const { customerList } = useServices();
  const state = useStore(customerList);
  const total = state.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);

  // No React Compiler here, so the virtualizer's unmemoizable API is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) customerList.getState().ensureRows(first, last);
  }, [customerList, first, last, total]);
  usePaintMarks(total > 0 && rowAt(state, first) !== undefined);
  useSearchPaintMark(state.shown);

  // A new search shows its best matches: back to the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [state.query]);

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

  return (
    <div
      className="customer-table"
      role="table"
      aria-label={t('customers.title')}
      aria-rowcount={total + 1}
    >
      <div className="customer-row customer-head" role="row" aria-rowindex={1}>
        {COLUMNS.map((column) => {
          const sorted = column.sort && state.sort.field === column.sort;
          const label = t(column.label);
          return (
            <div
              key={column.key}
              role="columnheader"
              className={`cell cell-${column.key}`}
              aria-sort={
                sorted ? (state.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
              }
            >
              {column.sort ? (
                <button
                  type="button"
                  className="sort-button"
                  title={t('customers.sortBy', { column: label })}
                  onClick={() => state.setSort(column.sort!)}
                >
                  {label}
                  <span aria-hidden="true" className="sort-mark">
                    {sorted ? (state.sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              ) : (
                label
              )}
            </div>
          );
        })}
      </div>
      <div ref={scrollRef} className="customer-scroll" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <CustomerRow
              key={item.key}
              index={item.index}
              top={item.start}
              customer={rowAt(state, item.index)}
              onEdit={onEdit}
              onDelete={onDelete}
              onKeyDown={onRowKeyDown}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
