import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { isFiltered, NO_LIST_FILTER } from '../../../../shared/contract/customers';
import type { Customer } from '../../../../shared/domain/customer';
import { Icon } from '../../../components/Icon';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { DemoDataDialog } from '../../demo/components/DemoDataDialog';
import { ExportDialog } from '../../export/components/ExportDialog';
import { ImportDialog } from '../../import/components/ImportDialog';
import { isTyping } from '../../../app/keyboard';
import { CustomerPage } from '../../customerRecord/components/CustomerPage';
import { useListViewStore } from '../stores/listViewStore';
import { BulkBar } from './BulkBar';
import { ColumnChooser } from './ColumnChooser';
import { CustomerForm } from './CustomerForm';
import { CustomerList } from './CustomerList';
import { DeleteCustomerDialog } from './DeleteCustomerDialog';
import { ListFilters } from './ListFilters';
import { SearchBox } from './SearchBox';

type Open =
  | { kind: 'none' }
  | { kind: 'new' }
  | { kind: 'edit'; customer: Customer }
  | { kind: 'delete'; customer: Customer }
  | { kind: 'demo' }
  | { kind: 'import' }
  | { kind: 'export' }
  | { kind: 'columns' };

/** The list, or the page of the customer opened from it. */
export function CustomersPage() {
  const openId = useListViewStore((s) => s.openId);
  // The list's rows, search and scroll position live in stores, so it comes back as it was left.
  return openId !== null ? <CustomerPage key={openId} id={openId} /> : <CustomerListPage />;
}

function CustomerListPage() {
  const t = useT();
  const { core, customerList } = useServices();
  // Only what does not change as the user types: a keystroke redraws the count and the list
  // body (below), not the whole page, so its frame is cheap and the results come in sooner.
  const all = useStore(customerList, (s) => s.all);
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const search = useRef<HTMLInputElement>(null);
  // Stable, so the list's memoized rows are not redrawn on every keystroke in the search box.
  const edit = useCallback((customer: Customer) => setOpen({ kind: 'edit', customer }), []);
  const remove = useCallback((customer: Customer) => setOpen({ kind: 'delete', customer }), []);

  useEffect(() => {
    customerList.getState().refresh();
    return core.on('customers.changed', () => customerList.getState().refresh());
  }, [core, customerList]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      const free = !isTyping(event.target) && !document.querySelector('dialog[open]');
      if (plain && free && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        setOpen({ kind: 'new' });
      } else if (
        (plain && free && event.key === '/') ||
        ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k')
      ) {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const close = () => setOpen({ kind: 'none' });
  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1>{t('customers.title')}</h1>
          <ListCount />
        </div>
        <div className="page-actions">
          {(all ?? 0) > 0 && <SearchBox ref={search} />}
          {(all ?? 0) > 0 && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => setOpen({ kind: 'columns' })}
            >
              {t('columns.button')}
            </button>
          )}
          <button
            type="button"
            className="button-secondary"
            onClick={() => setOpen({ kind: 'import' })}
          >
            {t('import.button')}
          </button>
          {(all ?? 0) > 0 && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => setOpen({ kind: 'export' })}
            >
              {t('export.button')}
            </button>
          )}
          <button
            type="button"
            className="button-secondary"
            onClick={() => setOpen({ kind: 'demo' })}
          >
            {t('demo.button')}
          </button>
          <button
            type="button"
            className="button-primary"
            onClick={() => setOpen({ kind: 'new' })}
            aria-keyshortcuts="N"
          >
            <Icon name="plus" />
            {t('customers.new')}
            <kbd>{t('customers.newShortcut')}</kbd>
          </button>
        </div>
      </div>

      {(all ?? 0) > 0 && <ListFilters />}
      <BulkBar />
      <ListBody onEdit={edit} onDelete={remove} />

      {open.kind === 'new' && <CustomerForm onClose={close} />}
      {open.kind === 'edit' && <CustomerForm customer={open.customer} onClose={close} />}
      {open.kind === 'delete' && <DeleteCustomerDialog customer={open.customer} onClose={close} />}
      {open.kind === 'columns' && <ColumnChooser onClose={close} />}
      {open.kind === 'demo' && <DemoDataDialog onClose={close} />}
      {open.kind === 'import' && <ImportDialog onClose={close} />}
      {open.kind === 'export' && <ExportDialog scope={{ kind: 'list' }} onClose={close} />}
    </main>
  );
}

/** "N customers", or "N of M" while searching or filtering. */
function ListCount() {
  const t = useT();
  const { customerList } = useServices();
  const total = useStore(customerList, (s) => s.total);
  const all = useStore(customerList, (s) => s.all);
  const narrowed = useStore(customerList, (s) => s.query !== '' || isFiltered(s.filter));
  if (total === null) return null;
  return (
    <p className="page-count" aria-live="polite">
      {narrowed
        ? t('customers.countMatching', { count: total, all: all ?? total })
        : t('customers.count', { count: total })}
    </p>
  );
}

/** The list, or why it is empty: no customers yet, or none matching. */
function ListBody({
  onEdit,
  onDelete,
}: {
  onEdit: (customer: Customer) => void;
  onDelete: (customer: Customer) => void;
}) {
  const t = useT();
  const { customerList } = useServices();
  const empty = useStore(customerList, (s) => s.total === 0);
  // The query itself only matters once nothing matches it.
  const query = useStore(customerList, (s) => (s.total === 0 ? s.query : ''));
  const filtered = useStore(customerList, (s) => isFiltered(s.filter));
  if (!empty) return <CustomerList onEdit={onEdit} onDelete={onDelete} />;
  if (query || filtered) {
    return (
      <section className="empty" aria-labelledby="empty-title">
        <h2 id="empty-title">
          {query ? t('customers.noMatch.title', { query }) : t('customers.noMatch.filtered')}
        </h2>
        <p>{t('customers.noMatch.body')}</p>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            customerList.getState().setQuery('');
            customerList.getState().setFilter(NO_LIST_FILTER);
          }}
        >
          {t('customers.search.clear')}
        </button>
      </section>
    );
  }
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('customers.empty.title')}</h2>
      <p>{t('customers.empty.body')}</p>
    </section>
  );
}
