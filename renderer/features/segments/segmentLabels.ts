import type { SegmentField } from '../../../shared/segments/segmentFields';
import type { MessageKey } from '../../i18n/translate';

/** Built-in segment fields that are customer record fields, and their record label. */
const RECORD_FIELDS: Record<string, string> = {
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  phone: 'phone',
  street: 'street',
  postal_code: 'postalCode',
  city: 'city',
  country: 'country',
  company: 'company',
  job_title: 'jobTitle',
  external_id: 'externalId',
  notes: 'notes',
  status: 'status',
  source: 'source',
  gender: 'gender',
  language: 'language',
  preferred_channel: 'preferredChannel',
  tags: 'tags',
  interests: 'interests',
  birth_date: 'birthDate',
};

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A field as the user reads it, in their language ("Total spent", "Dernier achat"). */
export function fieldLabel(field: SegmentField, t: T): string {
  if (field.label) return field.label;
  const record = RECORD_FIELDS[field.name];
  return t((record ? `field.${record}` : `sfield.${field.name}`) as MessageKey);
}

/** A choice's value as the user reads it (the record's own labels for status, source...). */
export function choiceLabel(field: SegmentField, value: string, t: T): string {
  if (field.name.startsWith('custom.')) return value;
  const record = RECORD_FIELDS[field.name] ?? field.name;
  return t(`choice.${record}.${value}` as MessageKey);
}
