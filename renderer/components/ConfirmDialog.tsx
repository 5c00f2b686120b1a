import { useState } from 'react';
import { errorText } from '../app/errorText';
import { useT } from '../i18n/useT';
import { Dialog } from './Dialog';
import { useToastStore } from './toastStore';

export interface ConfirmDialogProps {
  title: string;
  description: string;
  /** The destructive action's label ("Delete", "Remove"). */
  confirmLabel: string;
  /** Does the work; a failure is shown as a toast and the dialog stays open. */
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** Asks before something that cannot be undone; the safe choice ("Keep") has the focus. */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const t = useT();
  const showToast = useToastStore((s) => s.show);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } catch (error) {
      showToast(errorText(error, t), 'error');
      setBusy(false);
    }
  };

  return (
    <Dialog role="alertdialog" title={title} description={description} onClose={onClose}>
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={onClose} autoFocus>
          {t('delete.cancel')}
        </button>
        <button type="button" className="button-danger" onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
