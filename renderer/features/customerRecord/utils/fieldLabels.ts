import type { CustomField } from '../../../../shared/domain/customFields';
import type { MessageKey, Params } from '../../../i18n/translate';

const CHOICE_FIELDS = ['gender', 'language', 'preferredChannel', 'status', 'source'];

/**
 * The label of a stored field name ("email", "consent.sms", "custom.size") for the timeline;
 * a custom field by the name given in Settings (its id if it was removed since).
 */
export function fieldLabel(
  field: string,
  t: (key: MessageKey, params?: Params) => string,
  customFields: readonly CustomField[],
): string {
  if (field.startsWith('consent.')) return t(`consent.${field.slice(8)}` as MessageKey);
  if (field.startsWith('custom.')) {
    const id = field.slice(7);
    return customFields.find((f) => f.id === id)?.label ?? id;
  }
  return t(`field.${field}` as MessageKey);
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
