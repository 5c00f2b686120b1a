import { useStore } from 'zustand';
import { CONSENT_CHANNELS } from '../../../../shared/domain/consent';
import {
  CHANNELS,
  CUSTOMER_SOURCES,
  CUSTOMER_STATUSES,
  GENDERS,
  LANGUAGES,
  type Customer,
  type CustomerField,
} from '../../../../shared/domain/customer';
import { checkEmail } from '../../../../shared/domain/validation/email';
import { useServices } from '../../../app/services';
import { formatDate, formatPhone } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { consentPatch, customText, customValueOf, patchOf } from '../utils/fieldPatch';
import { EditableField } from './EditableField';
import { MakePrimary } from './MakePrimary';

export interface RecordSectionsProps {
  customer: Customer;
  /** Sends a patch; resolves to a translated problem, or null once saved. */
  save(patch: Record<string, unknown>): Promise<string | null>;
}

type Kind = 'text' | 'email' | 'tel' | 'date' | 'textarea' | 'select' | 'list';

const SECTIONS: { title: MessageKey; fields: [CustomerField, Kind][] }[] = [
  {
    title: 'record.section.identity',
    fields: [
      ['firstName', 'text'],
      ['lastName', 'text'],
      ['birthDate', 'date'],
      ['gender', 'select'],
      ['language', 'select'],
    ],
  },
  {
    title: 'record.section.contact',
    fields: [
      ['email', 'email'],
      ['additionalEmails', 'list'],
      ['phone', 'tel'],
      ['additionalPhones', 'list'],
      ['preferredChannel', 'select'],
    ],
  },
  {
    title: 'record.section.address',
    fields: [
      ['street', 'text'],
      ['postalCode', 'text'],
      ['city', 'text'],
      ['country', 'text'],
    ],
  },
  {
    title: 'record.section.profile',
    fields: [
      ['status', 'select'],
      ['company', 'text'],
      ['jobTitle', 'text'],
      ['source', 'select'],
      ['sourceDetail', 'text'],
      ['externalId', 'text'],
      ['tags', 'list'],
      ['interests', 'list'],
    ],
  },
];

const CHOICES: Partial<Record<CustomerField, readonly string[]>> = {
  gender: GENDERS,
  language: LANGUAGES,
  preferredChannel: ['', ...CHANNELS],
  status: CUSTOMER_STATUSES,
  source: CUSTOMER_SOURCES,
};

/** Every field of a customer, each editable in place, grouped as a shopkeeper thinks of them. */
export function RecordSections({ customer, save }: RecordSectionsProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { fileSettings } = useServices();
  const settings = useStore(fileSettings, (s) => s.settings);

  const choiceLabel = (field: CustomerField, value: string): string =>
    value === '' ? t('record.notSet') : t(`choice.${field}.${value}` as MessageKey);

  const valueText = (field: CustomerField): string => {
    const value = customer[field];
    return Array.isArray(value) ? value.join(', ') : String(value);
  };
  const shown = (field: CustomerField, kind: Kind): string => {
    const text = valueText(field);
    if (kind === 'select') return choiceLabel(field, text);
    if (kind === 'date' && text) return formatDate(language, text);
    if (field === 'phone') return formatPhone(text, settings.defaultCountry);
    if (field === 'additionalPhones')
      return customer.additionalPhones
        .map((p) => formatPhone(p, settings.defaultCountry))
        .join(', ');
    return text;
  };
  const emailAdvice = (value: string) => {
    const first = value.split(',')[0]?.trim() ?? '';
    if (!first) return null;
    const verdict = checkEmail(first.toLowerCase());
    if (!verdict.ok) return null;
    return (
      <>
        {verdict.warning && <span className="field-warning">{t('email.unusual')}</span>}
        {verdict.suggestion && (
          <span className="field-warning" role="status">
            {t('email.didYouMean', { suggestion: verdict.suggestion })}
          </span>
        )}
      </>
    );
  };

  return (
    <div className="record-sections">
      {SECTIONS.map((section) => (
        <section
          key={section.title}
          className="record-section"
          aria-labelledby={`section-${section.title}`}
        >
          <h2 id={`section-${section.title}`}>{t(section.title)}</h2>
          {section.fields.map(([field, kind]) => (
            <EditableField
              key={field}
              testId={`field-${field}`}
              label={t(`field.${field}` as MessageKey)}
              value={
                field === 'phone' && customer.phone
                  ? formatPhone(customer.phone, settings.defaultCountry)
                  : valueText(field)
              }
              shown={shown(field, kind)}
              type={kind === 'list' ? 'text' : kind}
              options={(CHOICES[field] ?? []).map((value) => ({
                value,
                label: choiceLabel(field, value),
              }))}
              advice={field === 'email' || field === 'additionalEmails' ? emailAdvice : undefined}
              onSave={(text) => save(patchOf(field, text))}
            />
          ))}
          {section.title === 'record.section.contact' && (
            <MakePrimary customer={customer} country={settings.defaultCountry} save={save} />
          )}
        </section>
      ))}

      <section className="record-section" aria-labelledby="section-consent">
        <h2 id="section-consent">{t('record.section.consent')}</h2>
        {CONSENT_CHANNELS.map((channel) => {
          const entry = customer.consent[channel];
          const answer = entry === null ? '' : entry.granted ? 'yes' : 'no';
          const label = (a: string) =>
            t(a === '' ? 'consent.notAsked' : a === 'yes' ? 'consent.granted' : 'consent.refused');
          return (
            <EditableField
              key={channel}
              testId={`consent-${channel}`}
              label={t(`consent.${channel}` as MessageKey)}
              value={answer}
              shown={entry ? `${label(answer)} · ${formatDate(language, entry.at)}` : label('')}
              type="select"
              options={['', 'yes', 'no'].map((value) => ({ value, label: label(value) }))}
              onSave={(value) => save(consentPatch(customer, channel, value))}
            />
          );
        })}
      </section>

      {settings.customFields.length > 0 && (
        <section className="record-section" aria-labelledby="section-custom">
          <h2 id="section-custom">{t('record.section.custom')}</h2>
          {settings.customFields.map((field) => {
            const text = customText(customer.custom[field.id]);
            const select = field.type === 'choice' || field.type === 'yesNo';
            const options =
              field.type === 'yesNo'
                ? ['', 'yes', 'no'].map((v) => ({
                    value: v,
                    label: v ? t(`choice.yesNo.${v}` as MessageKey) : t('record.notSet'),
                  }))
                : ['', ...field.options].map((v) => ({ value: v, label: v || t('record.notSet') }));
            return (
              <EditableField
                key={field.id}
                label={field.label}
                value={text}
                shown={
                  field.type === 'yesNo' && text
                    ? t(`choice.yesNo.${text}` as MessageKey)
                    : field.type === 'date' && text
                      ? formatDate(language, text)
                      : text
                }
                type={
                  select
                    ? 'select'
                    : field.type === 'date'
                      ? 'date'
                      : field.type === 'number'
                        ? 'number'
                        : 'text'
                }
                options={options}
                onSave={async (value) => {
                  const parsed = customValueOf(field, value);
                  if (parsed !== null && typeof parsed === 'object' && 'rule' in parsed)
                    return t(`rule.${parsed.rule}` as MessageKey);
                  return save({ custom: { [field.id]: parsed } });
                }}
              />
            );
          })}
        </section>
      )}

      <section className="record-section record-notes" aria-labelledby="section-notes">
        <h2 id="section-notes">{t('field.notes')}</h2>
        <EditableField
          label={t('field.notes')}
          value={customer.notes}
          type="textarea"
          onSave={(text) => save({ notes: text })}
        />
      </section>
    </div>
  );
}
