import { useId, useRef, useState, type FormEvent } from 'react';
import {
  CUSTOMER_RULES,
  type Customer,
  type CustomerInput,
} from '../../../../shared/domain/customer';
import { Dialog } from '../../../components/Dialog';
import { useToastStore } from '../../../components/toastStore';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import {
  EMPTY_FORM,
  FORM_FIELDS,
  serverFieldErrors,
  validateForm,
  valuesOf,
  type FieldErrors,
  type FormField,
  type FormValues,
} from '../utils/customerFormValues';

export interface CustomerFormProps {
  /** The customer to edit; absent to create a new one. */
  customer?: Customer;
  onClose(): void;
}

const FIELD_TYPES: Record<FormField, { type: string; autoComplete: string }> = {
  firstName: { type: 'text', autoComplete: 'off' },
  lastName: { type: 'text', autoComplete: 'off' },
  email: { type: 'email', autoComplete: 'off' },
  phone: { type: 'tel', autoComplete: 'off' },
  city: { type: 'text', autoComplete: 'off' },
  tags: { type: 'text', autoComplete: 'off' },
};

/** Add or edit a customer. Enter saves, Esc cancels; errors sit under their field. */
export function CustomerForm({ customer, onClose }: CustomerFormProps) {
  const t = useT();
  const { core } = useServices();
  const showToast = useToastStore((s) => s.show);
  const [values, setValues] = useState<FormValues>(customer ? valuesOf(customer) : EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const formId = useId();
  const inputs = useRef<Partial<Record<FormField, HTMLInputElement | null>>>({});

  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    const first = FORM_FIELDS.find((field) => next[field]);
    if (first) inputs.current[first]?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateForm(values);
    if (!checked.ok) {
      if (Object.keys(checked.errors).length === 0) showToast(t('error.VALIDATION'), 'error');
      return showErrors(checked.errors);
    }
    setSaving(true);
    try {
      if (customer) {
        await core.send('customers.update', {
          id: customer.id,
          // Only the fields this form shows: the others (set on the customer page) stay as they are.
          patch: pick(checked.input),
          expectedVersion: customer.version,
        });
        showToast(t('form.saved'));
      } else {
        await core.send('customers.create', { customer: { ...checked.input, source: 'counter' } });
        showToast(t('form.created'));
      }
      onClose();
    } catch (error) {
      const fieldErrors = serverFieldErrors(error);
      if (fieldErrors) showErrors(fieldErrors);
      else showToast(errorText(error, t), 'error');
    } finally {
      setSaving(false);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Dialog title={t(customer ? 'form.titleEdit' : 'form.titleNew')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate aria-busy={saving}>
        {hasErrors && (
          <p className="form-summary" role="alert">
            {t('form.fixErrors')}
          </p>
        )}
        <div className="form-grid">
          {FORM_FIELDS.map((field) => {
            const id = `${formId}-${field}`;
            const error = errors[field];
            const hint = field === 'tags' ? t('form.tagsHint') : undefined;
            return (
              <div key={field} className={`field field-${field}`}>
                <label htmlFor={id}>{t(`form.${field}` as MessageKey)}</label>
                <input
                  id={id}
                  ref={(el) => {
                    inputs.current[field] = el;
                  }}
                  name={field}
                  {...FIELD_TYPES[field]}
                  value={values[field]}
                  autoFocus={field === 'firstName'}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={
                    [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') ||
                    undefined
                  }
                  onChange={(event) => {
                    setValues({ ...values, [field]: event.target.value });
                    if (error) setErrors({ ...errors, [field]: undefined });
                  }}
                />
                {hint && (
                  <span id={`${id}-hint`} className="field-hint">
                    {hint}
                  </span>
                )}
                {error && (
                  <span id={`${id}-error`} className="field-error">
                    {t(ruleKey(error))}
                  </span>
                )}
              </div>
            );
          })}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={saving}>
            {saving ? t('form.saving') : t('form.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function pick(input: CustomerInput) {
  const { firstName, lastName, email, phone, city, tags } = input;
  return { firstName, lastName, email, phone, city, tags };
}

function ruleKey(rule: string): MessageKey {
  return (CUSTOMER_RULES as readonly string[]).includes(rule)
    ? (`rule.${rule}` as MessageKey)
    : 'rule.unknown';
}
