import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Customer } from '../../../../shared/domain/customer';
import { Icon } from '../../../components/Icon';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { DemoDataDialog } from '../../demo/components/DemoDataDialog';
import { CustomerForm } from './CustomerForm';
import { CustomerList } from './CustomerList';
import { DeleteCustomerDialog } from './DeleteCustomerDialog';

type Open =
  | { kind: 'none' }
  | { kind: 'new' }
  | { kind: 'edit'; customer: Customer }
  | { kind: 'delete'; customer: Customer }
  | { kind: 'demo' };

/** True when a key press belongs to a text field, where shortcuts must not fire. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function CustomersPage() {
  const t = useT();
  const { core, customerList } = useServices();
  const total = useStore(customerList, (s) => s.total);
  const [open, setOpen] = useState<Open>({ kind: 'none' });

  useEffect(() => {
    customerList.getState().refresh();
    return core.on('customers.changed', () => customerList.getState().refresh());
  }, [core, customerList]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (
        plain &&
        event.key.toLowerCase() === 'n' &&
        !isTyping(event.target) &&
        !document.querySelector('dialog[open]')
      ) {
        event.preventDefault();
        setOpen({ kind: 'new' });
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
          {total !== null && <p className="page-count">{t('customers.count', { count: total })}</p>}
        </div>
        <div className="page-actions">
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

      {total === 0 ? (
        <section className="empty" aria-labelledby="empty-title">
          <h2 id="empty-title">{t('customers.empty.title')}</h2>
          <p>{t('customers.empty.body')}</p>
        </section>
      ) : (
        <CustomerList
          onEdit={(customer) => setOpen({ kind: 'edit', customer })}
          onDelete={(customer) => setOpen({ kind: 'delete', customer })}
        />
      )}

      {open.kind === 'new' && <CustomerForm onClose={close} />}
      {open.kind === 'edit' && <CustomerForm customer={open.customer} onClose={close} />}
      {open.kind === 'delete' && <DeleteCustomerDialog customer={open.customer} onClose={close} />}
      {open.kind === 'demo' && <DemoDataDialog onClose={close} />}
    </main>
  );
}
