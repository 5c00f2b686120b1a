import type { Customer } from '../../../../shared/domain/customer';
import { formatPhone } from '../../../i18n/format';
import { useT } from '../../../i18n/useT';
import { primaryPatch } from '../utils/fieldPatch';

export interface MakePrimaryProps {
  customer: Customer;
  country: string;
  save(patch: Record<string, unknown>): Promise<string | null>;
}

/** One click makes another email or phone the one used first; the old one joins the others. */
export function MakePrimary({ customer, country, save }: MakePrimaryProps) {
  const t = useT();
  const choices = [
    ...customer.additionalEmails.map((value) => ({ kind: 'email' as const, value, shown: value })),
    ...customer.additionalPhones.map((value) => ({
      kind: 'phone' as const,
      value,
      shown: formatPhone(value, country),
    })),
  ];
  if (choices.length === 0) return null;
  return (
    <div className="make-primary" role="group" aria-label={t('record.makePrimaryGroup')}>
      {choices.map((choice) => (
        <button
          key={`${choice.kind}:${choice.value}`}
          type="button"
          className="link-button"
          onClick={() => void save(primaryPatch(customer, choice.kind, choice.value))}
        >
          {t('record.makePrimary', { value: choice.shown })}
        </button>
      ))}
    </div>
  );
}
