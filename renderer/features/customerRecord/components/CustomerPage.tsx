import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { displayName } from '../../../../shared/domain/customer';
import type { TimelineEntry } from '../../../../shared/domain/timeline';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { Icon } from '../../../components/Icon';
import { useToastStore } from '../../../components/toastStore';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { isTyping } from '../../../app/keyboard';
import { DeleteCustomerDialog } from '../../customers/components/DeleteCustomerDialog';
import { useListViewStore } from '../../customers/stores/listViewStore';
import { InteractionDialog } from '../../interactions/components/InteractionDialog';
import { PurchaseDialog } from '../../purchases/components/PurchaseDialog';
import { useCustomerRecord } from '../hooks/useCustomerRecord';
import { ruleFromError } from '../utils/fieldPatch';
import { FiguresStrip } from './FiguresStrip';
import { RfmWhy } from './RfmWhy';
import { RecordSections } from './RecordSections';
import { RemoveEntryDialog } from './RemoveEntryDialog';
import { Timeline } from './Timeline';

export interface CustomerPageProps {
  id: string;
}

type Open = 'none' | 'purchase' | 'interaction' | 'delete';
type Removable = Extract<TimelineEntry, { kind: 'purchase' | 'interaction' }>;

/** One customer: every field editable in place, figures, and the timeline beside them. */
export function CustomerPage({ id }: CustomerPageProps) {
  const t = useT();
  const { core, fileSettings } = useServices();
  const currency = useStore(fileSettings, (s) => s.settings.currency);
  const showToast = useToastStore((s) => s.show);
  const back = () => useListViewStore.getState().openCustomer(null);
  const { customer, timeline, error } = useCustomerRecord(id);
  const [open, setOpen] = useState<Open>('none');
  const [removing, setRemoving] = useState<Removable | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'p') setOpen('purchase');
      else if (key === 'i') setOpen('interaction');
      else if (event.key === 'Escape') back();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (error) {
    return (
      <main className="page">
        <p role="alert">{errorText(error, t)}</p>
        <button type="button" className="button-secondary" onClick={back}>
          {t('record.back')}
        </button>
      </main>
    );
  }
  if (!customer) return <main className="page" aria-busy="true" />;

  const save = async (patch: Record<string, unknown>): Promise<string | null> => {
    try {
      await core.send('customers.update', { id, patch, expectedVersion: customer.version });
      showToast(t('form.saved'));
      return null;
    } catch (failure) {
      const rule = ruleFromError(failure);
      return rule ? t(`rule.${rule}` as MessageKey) : errorText(failure, t);
    }
  };

  const name = displayName(customer);
  return (
    <main className="page record-page">
      <div className="page-head">
        <div>
          <button
            type="button"
            className="link-button back-link"
            onClick={back}
            aria-keyshortcuts="Escape"
          >
            ← {t('record.back')}
          </button>
          <h1>
            {name}{' '}
            <span className={`status status-${customer.status}`}>
              {t(`choice.status.${customer.status}` as MessageKey)}
            </span>
          </h1>
          {(customer.company || customer.jobTitle) && (
            <p className="page-count">
              {[customer.jobTitle, customer.company].filter(Boolean).join(' · ')}
            </p>
          )}
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="button-primary"
            onClick={() => setOpen('purchase')}
            aria-keyshortcuts="P"
          >
            <Icon name="plus" />
            {t('purchase.add')}
            <kbd>P</kbd>
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => setOpen('interaction')}
            aria-keyshortcuts="I"
          >
            {t('interaction.add')}
            <kbd>I</kbd>
          </button>
          <button
            type="button"
            className="icon-button icon-danger"
            aria-label={t('customers.delete', { name })}
            title={t('customers.delete', { name })}
            onClick={() => setOpen('delete')}
          >
            <Icon name="trash" />
          </button>
        </div>
      </div>
      <FiguresStrip figures={customer.figures} currency={currency} />
      <RfmWhy customerId={customer.id} figures={customer.figures} currency={currency} />
      <div className="record-layout">
        <RecordSections customer={customer} save={save} />
        <section className="record-timeline" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('timeline.title')}</h2>
          <Timeline entries={timeline} onRemove={setRemoving} />
        </section>
      </div>
      {open === 'purchase' && (
        <PurchaseDialog customer={customer} onClose={() => setOpen('none')} />
      )}
      {open === 'interaction' && (
        <InteractionDialog customer={customer} onClose={() => setOpen('none')} />
      )}
      {removing && <RemoveEntryDialog entry={removing} onClose={() => setRemoving(null)} />}
      {open === 'delete' && (
        <DeleteCustomerDialog
          customer={customer}
          onClose={() => setOpen('none')}
          onDeleted={back}
        />
      )}
    </main>
  );
}
