import {
  CUSTOMER_SOURCES,
  CUSTOMER_STATUSES,
  GENDERS,
  LANGUAGES,
  CHANNELS,
} from '../domain/customer';
import type { Customer } from '../domain/customer';
import type { CustomField } from '../domain/customFields';
import { averageBasketMinor } from '../domain/figures';
import type { FieldOp } from './segmentRules';

/** What a field holds, which decides its operators and its value editor. */
export type SegmentFieldType =
  'text' | 'choice' | 'number' | 'money' | 'date' | 'list' | 'yesNo' | 'birthday';

export const OPS_BY_TYPE: Record<SegmentFieldType, readonly FieldOp[]> = {
  text: ['is', 'is_not', 'contains', 'starts_with', 'is_empty', 'is_not_empty'],
  choice: ['is', 'is_not', 'is_empty', 'is_not_empty'],
  number: ['=', '!=', '<', '<=', '>', '>=', 'between', 'is_empty', 'is_not_empty'],
  money: ['=', '!=', '<', '<=', '>', '>=', 'between', 'is_empty', 'is_not_empty'],
  date: ['before', 'after', 'between', 'in_last', 'in_next', 'is_empty', 'is_not_empty'],
  list: ['has_any', 'has_all', 'has_none', 'is_empty', 'is_not_empty'],
  yesNo: ['is'],
  birthday: ['in_next'],
};

/**
 * A value as a condition reads it: text and choices as strings ('' when empty), numbers and
 * money (minor units) as numbers, dates as ms since epoch (a calendar day at local midnight),
 * lists as strings, yes/no as booleans; null when the customer has none.
 */
export type FieldReading = string | number | boolean | readonly string[] | null;

export interface SegmentField {
  /** Stable English name, used by the text form ("total_spent", "custom.shoe_size"). */
  name: string;
  type: SegmentFieldType;
  /** The values a choice may take (stable codes). */
  options?: readonly string[];
  /** A custom field's own label (built-in fields are translated by name). */
  label?: string;
  read(customer: Customer): FieldReading;
}

/** A calendar day (YYYY-MM-DD) as ms at local midnight, or null. */
export function dayMs(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

const text = (name: string, read: (c: Customer) => string): SegmentField => ({
  name,
  type: 'text',
  read,
});
const choice = (
  name: string,
  options: readonly string[],
  read: (c: Customer) => string,
): SegmentField => ({ name, type: 'choice', options: options.filter((o) => o !== ''), read });

/** May be contacted on a channel: said yes to it, and has the address or number it needs. */
function mayContact(channel: (typeof CHANNELS)[number]): SegmentField {
  const reach: Record<typeof channel, (c: Customer) => boolean> = {
    email: (c) => c.email !== '',
    sms: (c) => c.phone !== '',
    phone: (c) => c.phone !== '',
    post: (c) => c.street !== '' && c.city !== '',
  };
  return {
    name: `may_${channel}`,
    type: 'yesNo',
    read: (c) => c.consent[channel]?.granted === true && reach[channel](c),
  };
}

export const BUILT_IN_FIELDS: readonly SegmentField[] = [
  text('first_name', (c) => c.firstName),
  text('last_name', (c) => c.lastName),
  text('email', (c) => c.email),
  text('phone', (c) => c.phone),
  text('street', (c) => c.street),
  text('postal_code', (c) => c.postalCode),
  text('city', (c) => c.city),
  text('country', (c) => c.country),
  text('company', (c) => c.company),
  text('job_title', (c) => c.jobTitle),
  text('external_id', (c) => c.externalId),
  text('notes', (c) => c.notes),
  choice('status', CUSTOMER_STATUSES, (c) => c.status),
  choice('source', CUSTOMER_SOURCES, (c) => c.source),
  choice('gender', GENDERS, (c) => c.gender),
  choice('language', LANGUAGES, (c) => c.language),
  choice('preferred_channel', CHANNELS, (c) => c.preferredChannel),
  { name: 'tags', type: 'list', read: (c) => c.tags },
  { name: 'interests', type: 'list', read: (c) => c.interests },
  { name: 'birth_date', type: 'date', read: (c) => dayMs(c.birthDate) },
  { name: 'birthday', type: 'birthday', read: (c) => c.birthDate },
  { name: 'created', type: 'date', read: (c) => c.createdAt },
  { name: 'order_count', type: 'number', read: (c) => c.figures.orderCount },
  { name: 'total_spent', type: 'money', read: (c) => c.figures.totalSpentMinor },
  { name: 'average_basket', type: 'money', read: (c) => averageBasketMinor(c.figures) },
  { name: 'first_purchase', type: 'date', read: (c) => c.figures.firstPurchaseAt },
  { name: 'last_purchase', type: 'date', read: (c) => c.figures.lastPurchaseAt },
  { name: 'last_interaction', type: 'date', read: (c) => c.figures.lastInteractionAt },
  mayContact('email'),
  mayContact('sms'),
  mayContact('post'),
  mayContact('phone'),
];

/** A custom field as a segment field: "custom.<id>", typed by its kind. */
export function customSegmentField(field: CustomField): SegmentField {
  const name = `custom.${field.id}`;
  const value = (c: Customer) => c.custom[field.id] ?? null;
  switch (field.type) {
    case 'number':
      return {
        name,
        type: 'number',
        label: field.label,
        read: (c) => (typeof value(c) === 'number' ? (value(c) as number) : null),
      };
    case 'date':
      return {
        name,
        type: 'date',
        label: field.label,
        read: (c) => (typeof value(c) === 'string' ? dayMs(value(c) as string) : null),
      };
    case 'choice':
      return {
        name,
        type: 'choice',
        options: field.options,
        label: field.label,
        read: (c) => (typeof value(c) === 'string' ? (value(c) as string) : ''),
      };
    case 'multiChoice':
      return {
        name,
        type: 'list',
        options: field.options,
        label: field.label,
        read: (c) => (Array.isArray(value(c)) ? (value(c) as string[]) : []),
      };
    case 'yesNo':
      return {
        name,
        type: 'yesNo',
        label: field.label,
        read: (c) => (typeof value(c) === 'boolean' ? (value(c) as boolean) : null),
      };
    default:
      return {
        name,
        type: 'text',
        label: field.label,
        read: (c) => (typeof value(c) === 'string' ? (value(c) as string) : ''),
      };
  }
}

/** Every field a rule may name, the file's custom fields included, by name. */
export function segmentFields(customFields: readonly CustomField[]): Map<string, SegmentField> {
  return new Map(
    [...BUILT_IN_FIELDS, ...customFields.map(customSegmentField)].map((f) => [f.name, f]),
  );
}
