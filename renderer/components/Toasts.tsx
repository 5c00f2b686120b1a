import { useT } from '../i18n/useT';
import { useToastStore } from './toastStore';

/** Short confirmations and errors, announced to screen readers. */
export function Toasts() {
  const t = useT();
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`}>
          <span>{toast.text}</span>
          <button
            type="button"
            className="button-ghost"
            onClick={() => dismiss(toast.id)}
            aria-label={t('toast.dismiss')}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
