import { CONSENT_CHANNELS } from '../../../shared/domain/consent';
import { CUSTOMER_FIELDS, type Customer } from '../../../shared/domain/customer';

const SHOWN_MAX = 200;

/** What changed between two versions of a customer, as text the timeline can show. */
export function diffCustomer(before: Customer, after: Customer) {
  const fields: { field: string; from: string; to: string }[] = [];
  const push = (field: string, from: string, to: string) => {
    if (from !== to) fields.push({ field, from: shorten(from), to: shorten(to) });
  };
  for (const field of CUSTOMER_FIELDS) {
    if (field === 'consent') {
      for (const channel of CONSENT_CHANNELS) {
        const answer = (c: Customer) => {
          const entry = c.consent[channel];
          return entry === null ? '' : entry.granted ? 'yes' : 'no';
        };
        push(`consent.${channel}`, answer(before), answer(after));
      }
    } else if (field === 'custom') {
      const ids = new Set([...Object.keys(before.custom), ...Object.keys(after.custom)]);
      for (const id of ids)
        push(`custom.${id}`, asText(before.custom[id]), asText(after.custom[id]));
    } else {
      push(field, asText(before[field]), asText(after[field]));
    }
  }
  return fields;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function shorten(text: string): string {
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX - 1)}…` : text;
}
