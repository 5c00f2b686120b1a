import { displayName, type Customer } from '../../../../shared/domain/customer';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useToastStore } from '../../../components/toastStore';
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

/** Asks before deleting customers with their whole history. */
export function DeleteCustomerDialog({
  customer,
  ids,
  onClose,
  onDeleted,
}: DeleteCustomerDialogProps) {
  const t = useT();
  const { core } = useServices();
  const showToast = useToastStore((s) => s.show);
  const targets = customer ? [customer.id] : (ids ?? []);
  return (
    <ConfirmDialog
      title={t('delete.title', { count: targets.length })}
      description={
        customer
          ? t('delete.body', { name: displayName(customer) })
          : t('delete.bodyMany', { count: targets.length })
      }
      confirmLabel={t('delete.confirm')}
      onClose={onClose}
      onConfirm={async () => {
        const { deleted } = await core.send('customers.delete', { ids: targets });
        showToast(t('delete.done', { count: deleted }));
        onClose();
        onDeleted?.();
      }}
    />
  );
}
