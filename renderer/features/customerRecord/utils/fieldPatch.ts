import type { ConsentChannel } from '../../../../shared/domain/consent';
import type { CustomField, CustomValue } from '../../../../shared/domain/customFields';
import type { Customer, CustomerPatch } from '../../../../shared/domain/customer';
import { AppError, type FieldProblem } from '../../../../shared/errors';

/** Fields edited as a comma-separated list. */
const LIST_FIELDS = ['tags', 'interests', 'additionalEmails', 'additionalPhones'] as const;

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** The patch for one field edited as text on the customer page. */
export function patchOf(
  field: keyof CustomerPatch,
  text: string,
): Partial<Record<string, unknown>> {
  if ((LIST_FIELDS as readonly string[]).includes(field)) return { [field]: splitList(text) };
  return { [field]: text };
}

/** Consent for one channel: '' never asked, 'yes' agreed, 'no' refused. */
export function consentPatch(customer: Customer, channel: ConsentChannel, answer: string) {
  return {
    consent: {
      ...customer.consent,
      [channel]: answer === '' ? null : { granted: answer === 'yes', at: 0, source: 'in person' },
    },
  };
}

/** A custom field's value from the text typed, or a rule code when it cannot be one. */
export function customValueOf(field: CustomField, text: string): CustomValue | { rule: string } {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  switch (field.type) {
    case 'number': {
      const n = Number(trimmed.replace(',', '.'));
      return Number.isFinite(n) ? n : { rule: 'invalidNumber' };
    }
    case 'yesNo':
      return trimmed === 'yes';
    case 'multiChoice':
      return splitList(trimmed);
    default:
      return trimmed;
  }
}

export function customText(value: CustomValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The rule the store gave for a field, from a VALIDATION error; null for other errors. */
export function ruleFromError(error: unknown): string | null {
  if (
    !(error instanceof AppError) ||
    error.code !== 'VALIDATION' ||
    !Array.isArray(error.details)
  ) {
    return null;
  }
  return (error.details as FieldProblem[])[0]?.rule ?? 'unknown';
}

/** Makes one of the other emails or phones the primary one; the old primary joins the others. */
export function primaryPatch(customer: Customer, kind: 'email' | 'phone', value: string) {
  const others = kind === 'email' ? customer.additionalEmails : customer.additionalPhones;
  const current = customer[kind];
  const rest = others.filter((v) => v !== value);
  const list = current ? [current, ...rest] : rest;
  return kind === 'email'
    ? { email: value, additionalEmails: list }
    : { phone: value, additionalPhones: list };
}
