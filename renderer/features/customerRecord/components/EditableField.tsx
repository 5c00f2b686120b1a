import { useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../../i18n/useT';

export interface EditableFieldProps {
  label: string;
  /** The value as the input edits it. */
  value: string;
  /** The value as the page shows it (formatted); defaults to `value`. */
  shown?: ReactNode;
  type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'textarea' | 'select';
  options?: { value: string; label: string }[];
  /** Saves; resolves to a rule message to show under the field, or null when saved. */
  onSave(value: string): Promise<string | null>;
  /** Advice shown while editing, from the value typed (a typo suggestion...). */
  advice?(value: string): ReactNode;
  testId?: string;
}

/**
 * A value shown as text until the user asks to change it: Enter or a click opens the editor,
 * Enter saves (Ctrl+Enter in a text area), Esc puts the old value back.
 */
export function EditableField({
  label,
  value,
  shown,
  type = 'text',
  options = [],
  onSave,
  advice,
  testId,
}: EditableFieldProps) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  const close = () => {
    setDraft(null);
    setError(null);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const save = async (next: string) => {
    if (next === value) return close();
    setSaving(true);
    const problem = await onSave(next);
    setSaving(false);
    if (problem) setError(problem);
    else close();
  };

  if (draft === null) {
    return (
      <div className="record-field" data-testid={testId}>
        <span className="record-label" id={`${id}-label`}>
          {label}
        </span>
        <button
          ref={opener}
          type="button"
          className={`record-value${value === '' ? ' record-empty' : ''}`}
          aria-labelledby={`${id}-label ${id}-value`}
          onClick={() => setDraft(value)}
        >
          <span id={`${id}-value`}>{value === '' ? t('record.empty') : (shown ?? value)}</span>
          <span className="visually-hidden">{t('record.editHint')}</span>
        </button>
      </div>
    );
  }

  const common = {
    id,
    value: draft,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    // Read-only, not disabled, while saving: a disabled field drops the focus (and Esc would leave the page).
    readOnly: saving,
    'aria-busy': saving || undefined,
    autoFocus: true,
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close();
      } else if (event.key === 'Enter' && (type !== 'textarea' || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void save(draft);
      }
    },
  };
  return (
    <div className="record-field record-editing" data-testid={testId}>
      <label className="record-label" htmlFor={id}>
        {label}
      </label>
      {type === 'textarea' ? (
        <textarea {...common} rows={4} onChange={(e) => setDraft(e.target.value)} />
      ) : type === 'select' ? (
        <select {...common} onChange={(e) => setDraft(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={type}
          autoComplete="off"
          onChange={(e) => setDraft(e.target.value)}
        />
      )}
      <div className="record-edit-actions">
        <button
          type="button"
          className="button-primary button-small"
          onClick={() => void save(draft)}
          disabled={saving}
        >
          {t('record.save')}
        </button>
        <button type="button" className="button-secondary button-small" onClick={close}>
          {t('record.cancel')}
        </button>
        <span className="field-hint">
          {t(type === 'textarea' ? 'record.keysTextarea' : 'record.keys')}
        </span>
      </div>
      {advice?.(draft)}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
