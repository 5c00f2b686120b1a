import { useState } from 'react';
import { displayName, type Customer } from '../../../../shared/domain/customer';
import { Dialog } from '../../../components/Dialog';
import { useToastStore } from '../../../components/toastStore';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';

export interface DeleteCustomerDialogProps {
  /** One customer, named in the question... */
  customer?: Customer;
  /** ...or a selection, counted. */
  ids?: string[];
  onClose(): void;
  onDeleted?(): void;
}

/** Asks before deleting (with the customers' whole history); the safe choice has the focus. */
export function DeleteCustomerDialog({
  customer,
  ids,
  onClose,
  onDeleted,
}: DeleteCustomerDialogProps) {
  const t = useT();
  const { core } = useServices();
  const showToast = useToastStore((s) => s.show);
  const [busy, setBusy] = useState(false);
  const targets = customer ? [customer.id] : (ids ?? []);

  const confirm = async () => {
    setBusy(true);
    try {
      const { deleted } = await core.send('customers.delete', { ids: targets });
      showToast(t('delete.done', { count: deleted }));
      onClose();
      onDeleted?.();
    } catch (error) {
      showToast(errorText(error, t), 'error');
      setBusy(false);
    }
  };

  return (
    <Dialog
      role="alertdialog"
      title={t('delete.title', { count: targets.length })}
      description={
        customer
          ? t('delete.body', { name: displayName(customer) })
          : t('delete.bodyMany', { count: targets.length })
      }
      onClose={onClose}
    >
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={onClose} autoFocus>
          {t('delete.cancel')}
        </button>
        <button type="button" className="button-danger" onClick={confirm} disabled={busy}>
          {t('delete.confirm')}
        </button>
      </div>
    </Dialog>
  );
}
