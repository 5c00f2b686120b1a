import { useState } from 'react';
import { displayName, type Customer } from '../../../../shared/domain/customer';
import { Dialog } from '../../../components/Dialog';
import { useToastStore } from '../../../components/toastStore';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';

export interface DeleteCustomerDialogProps {
  customer: Customer;
  onClose(): void;
}

/** Asks before deleting; the safe choice ("Keep") has the focus. */
export function DeleteCustomerDialog({ customer, onClose }: DeleteCustomerDialogProps) {
  const t = useT();
  const { core } = useServices();
  const showToast = useToastStore((s) => s.show);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await core.send('customers.delete', { ids: [customer.id] });
      showToast(t('delete.done'));
      onClose();
    } catch (error) {
      showToast(errorText(error, t), 'error');
      setBusy(false);
    }
  };

  return (
    <Dialog
      role="alertdialog"
      title={t('delete.title')}
      description={t('delete.body', { name: displayName(customer) })}
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
