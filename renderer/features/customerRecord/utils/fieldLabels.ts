import type { MessageKey, Params } from '../../../i18n/translate';

const CHOICE_FIELDS = ['gender', 'language', 'preferredChannel', 'status', 'source'];

/** The label of a stored field name ("email", "consent.sms", "custom.size") for the timeline. */
export function fieldLabelKey(field: string): MessageKey {
  if (field.startsWith('consent.')) return `consent.${field.slice(8)}` as MessageKey;
  if (field.startsWith('custom.')) return 'field.custom';
  return `field.${field}` as MessageKey;
}

/** A value of a change as the user reads it: choices and consent answers in their words. */
export function changeValue(
  field: string,
  value: string,
  t: (key: MessageKey, params?: Params) => string,
): string {
  if (value === '') return t(field.startsWith('consent.') ? 'consent.notAsked' : 'record.empty');
  if (field.startsWith('consent.'))
    return t(value === 'yes' ? 'consent.granted' : 'consent.refused');
  if (CHOICE_FIELDS.includes(field)) return t(`choice.${field}.${value}` as MessageKey);
  return value;
}
