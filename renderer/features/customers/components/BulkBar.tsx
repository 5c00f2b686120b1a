import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { CUSTOMER_STATUSES, type CustomerStatus } from '../../../../shared/domain/customer';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useToastStore } from '../../../components/toastStore';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { useListViewStore } from '../stores/listViewStore';
import { ExportDialog } from '../../export/components/ExportDialog';
import { DeleteCustomerDialog } from './DeleteCustomerDialog';

/** Actions on the selected customers: tag, untag, set a status, export, delete. */
export function BulkBar() {
  const t = useT();
  const id = useId();
  const { core, customerList } = useServices();
  const total = useStore(customerList, (s) => s.total ?? 0);
  const selected = useListViewStore((s) => s.selected);
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const showToast = useToastStore((s) => s.show);
  if (selected.size === 0) return null;
  const ids = [...selected];

  const run = async (change: {
    addTags?: string[];
    removeTags?: string[];
    status?: CustomerStatus;
  }) => {
    setBusy(true);
    try {
      const { updated } = await core.send('customers.bulkUpdate', { ids, ...change });
      showToast(t('bulk.done', { count: updated }));
      setTag('');
    } catch (error) {
      showToast(errorText(error, t), 'error');
    } finally {
      setBusy(false);
    }
  };
  const selectAll = async () => {
    const { query, filter, sort } = customerList.getState();
    useListViewStore.getState().select(await core.send('customers.ids', { query, filter, sort }));
  };

  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk.label')} aria-busy={busy}>
      <strong aria-live="polite">{t('bulk.selected', { count: selected.size })}</strong>
      {selected.size < total && (
        <button type="button" className="link-button" onClick={() => void selectAll()}>
          {t('bulk.selectAll', { count: total })}
        </button>
      )}
      <span className="bulk-group">
        <label htmlFor={`${id}-tag`} className="visually-hidden">
          {t('bulk.tag')}
        </label>
        <input
          id={`${id}-tag`}
          value={tag}
          placeholder={t('bulk.tag')}
          onChange={(e) => setTag(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && tag.trim()) void run({ addTags: [tag.trim()] });
          }}
        />
        <button
          type="button"
          className="button-secondary button-small"
          disabled={!tag.trim() || busy}
          onClick={() => void run({ addTags: [tag.trim()] })}
        >
          {t('bulk.addTag')}
        </button>
        <button
          type="button"
          className="button-secondary button-small"
          disabled={!tag.trim() || busy}
          onClick={() => void run({ removeTags: [tag.trim()] })}
        >
          {t('bulk.removeTag')}
        </button>
      </span>
      <span className="bulk-group">
        <label htmlFor={`${id}-status`} className="visually-hidden">
          {t('bulk.status')}
        </label>
        <select
          id={`${id}-status`}
          value=""
          disabled={busy}
          onChange={(e) => e.target.value && void run({ status: e.target.value as CustomerStatus })}
        >
          <option value="">{t('bulk.status')}</option>
          {CUSTOMER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`choice.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </span>
      <button
        type="button"
        className="button-secondary button-small"
        onClick={() => setExporting(true)}
      >
        {t('export.selection')}
      </button>
      <button
        type="button"
        className="button-danger button-small"
        onClick={() => setDeleting(true)}
      >
        {t('bulk.delete')}
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => useListViewStore.getState().clearSelection()}
      >
        {t('bulk.clear')}
      </button>
      {exporting && (
        <ExportDialog scope={{ kind: 'selection', ids }} onClose={() => setExporting(false)} />
      )}
      {deleting && (
        <DeleteCustomerDialog
          ids={ids}
          onClose={() => setDeleting(false)}
          onDeleted={() => useListViewStore.getState().clearSelection()}
        />
      )}
    </div>
  );
}
