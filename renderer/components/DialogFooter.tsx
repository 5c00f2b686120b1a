import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';

export interface DialogFooterProps {
  /** What went wrong, said in the user's words; announced when it appears. */
  problem: string | null;
  onCancel(): void;
  /** The dialog's main action (its primary button). */
  children: ReactNode;
}

/** The end of a form in a dialog: its problem if any, then Cancel and the main action. */
export function DialogFooter({ problem, onCancel, children }: DialogFooterProps) {
  const t = useT();
  return (
    <>
      {problem && (
        <p className="form-summary" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
        {children}
      </div>
    </>
  );
}
