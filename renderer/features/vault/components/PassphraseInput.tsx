import { forwardRef, useId, type InputHTMLAttributes } from 'react';

export interface PassphraseInputProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: string;
  describedBy?: string;
}

/** A labelled password field with its error and hint tied to it for screen readers. */
export const PassphraseInput = forwardRef<HTMLInputElement, PassphraseInputProps>(
  function PassphraseInput({ label, error, hint, describedBy, ...input }, ref) {
    const id = useId();
    const describers = [error && `${id}-error`, hint && `${id}-hint`, describedBy]
      .filter(Boolean)
      .join(' ');
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          ref={ref}
          id={id}
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describers || undefined}
          {...input}
        />
        {hint && (
          <span id={`${id}-hint`} className="field-hint">
            {hint}
          </span>
        )}
        {error && (
          <span id={`${id}-error`} className="field-error">
            {error}
          </span>
        )}
      </div>
    );
  },
);
