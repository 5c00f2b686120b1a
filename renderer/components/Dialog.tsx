import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Shown under the title, tied to the dialog for screen readers. */
  description?: string;
  role?: 'dialog' | 'alertdialog';
  /** 'wide' for dialogs holding a table (the import wizard). */
  size?: 'normal' | 'wide';
}

/**
 * A modal on the native <dialog>: focus is trapped, Esc closes, focus returns to the
 * element that opened it.
 */
export function Dialog({
  title,
  onClose,
  children,
  description,
  role = 'dialog',
  size = 'normal',
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => opener?.focus?.();
  }, []);

  return (
    <dialog
      ref={ref}
      className={size === 'wide' ? 'dialog dialog-wide' : 'dialog'}
      role={role}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {description && (
        <p id={descriptionId} className="dialog-description">
          {description}
        </p>
      )}
      {children}
    </dialog>
  );
}
