import {
  CONTACTS_MAX,
  LANGUAGES,
  NAME_MAX,
  NOTES_MAX,
  TAGS_MAX,
  customerInputSchema,
  customerPatchSchema,
  isRealDate,
  type CustomerDraft,
} from '../../domain/customer';
import { countryCode } from './countryCode';
import { byPreference } from './readCard';
import type { VcardAddress, VcardContact, VcardTypedValue } from './vcardContact';

/** A customer draft made from a card, what was changed or left out on the way, and whether it is valid. */
export interface VcardCustomerDraft {
  draft: CustomerDraft;
  /** One sentence per value changed or left out, for the import preview. */
  notes: string[];
  /** null when `draft` passes customerInputSchema, else why not ("lastName: nameOrEmailRequired"). */
  invalid: string | null;
}

// Numbers one cannot call or text.
const NOT_PHONES = ['fax', 'pager'];
const GENDERS: Record<string, CustomerDraft['gender']> = { F: 'female', M: 'male', O: 'other' };

/**
 * The customer draft of a vCard contact (source 'import'). The preferred email (lowest PREF, else
 * the first) is the primary one and the others go to additionalEmails (at most 10), the same for
 * phones; the preferred or home address fills street, postal code, city and country (as ISO
 * alpha-2); FN is split into first and last name only when the card has no N. Values the schema
 * would refuse (a malformed email, a phone with letters, a date without year) are left out with
 * a note rather than making the whole contact fail.
 */
export function vcardToCustomerDraft(contact: VcardContact): VcardCustomerDraft {
  const notes: string[] = [];
  const [firstName, lastName] = names(contact, notes);
  const emails = contactValues(contact.emails, 'email', notes);
  const phones = contactValues(usablePhones(contact.phones, notes), 'phone', notes);
  const draft: CustomerDraft = {
    firstName,
    lastName,
    email: emails[0] ?? '',
    additionalEmails: emails.slice(1),
    phone: phones[0] ?? '',
    additionalPhones: phones.slice(1),
    ...address(contact.addresses, notes),
    birthDate: birthDate(contact, notes),
    gender: GENDERS[contact.gender] ?? '',
    language: language(contact.languages),
    company: clip(contact.organization[0] ?? '', NAME_MAX, 'company', notes),
    jobTitle: clip(contact.title, NAME_MAX, 'job title', notes),
    source: 'import',
    tags: tags(contact.categories, notes),
    notes: clip(contact.notes.join('\n\n'), NOTES_MAX, 'notes', notes),
  };
  const checked = customerInputSchema.safeParse(draft);
  const invalid = checked.success
    ? null
    : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return { draft, notes, invalid };
}

function names(contact: VcardContact, notes: string[]): [string, string] {
  const { name, formattedName } = contact;
  const [first, last] = name ? [name.given, name.family] : splitFullName(formattedName);
  return [clip(first, NAME_MAX, 'first name', notes), clip(last, NAME_MAX, 'last name', notes)];
}

/** "Last, First" when there is one comma, else the last word is the last name. */
export function splitFullName(full: string): [string, string] {
  const text = full.trim().replace(/\s+/g, ' ');
  const parts = text.split(',');
  if (parts.length === 2) return [parts[1]!.trim(), parts[0]!.trim()];
  const space = text.lastIndexOf(' ');
  return space < 0 ? ['', text] : [text.slice(0, space), text.slice(space + 1)];
}

function usablePhones(phones: VcardTypedValue[], notes: string[]): VcardTypedValue[] {
  return phones.flatMap((phone) => {
    const kind = phone.types.find((t) => NOT_PHONES.includes(t));
    if (kind !== undefined) {
      notes.push(`${kind} number ${phone.value} left out`);
      return [];
    }
    // A tel: URI may carry ";ext=102": E.164 has no room for it.
    const [number = '', ...rest] = phone.value.split(';');
    if (rest.length > 0) notes.push(`phone ${number}: "${rest.join(';')}" left out`);
    return [{ ...phone, value: number.trim() }];
  });
}

/** Preferred first, the rest in file order; each checked by the schema's own rule; no duplicates. */
function contactValues(
  values: VcardTypedValue[],
  field: 'email' | 'phone',
  notes: string[],
): string[] {
  const kept: string[] = [];
  const ordered = byPreference(values.filter((v) => v.pref !== null)).slice(0, 1);
  for (const { value } of [...ordered, ...values.filter((v) => v !== ordered[0])]) {
    const checked = customerPatchSchema.shape[field].safeParse(value);
    if (!checked.success) notes.push(`${field} "${value}" is not valid; left out`);
    else if (checked.data !== undefined && !kept.includes(checked.data)) kept.push(checked.data);
  }
  if (kept.length > CONTACTS_MAX + 1) {
    notes.push(
      `${kept.length - CONTACTS_MAX - 1} more ${field}s left out (at most ${CONTACTS_MAX + 1})`,
    );
    return kept.slice(0, CONTACTS_MAX + 1);
  }
  return kept;
}

function address(
  addresses: VcardAddress[],
  notes: string[],
): Pick<CustomerDraft, 'street' | 'postalCode' | 'city' | 'country'> {
  const chosen =
    byPreference(addresses.filter((a) => a.pref !== null))[0] ??
    addresses.find((a) => a.types.includes('home')) ??
    addresses[0];
  if (!chosen) return { street: '', postalCode: '', city: '', country: '' };
  if (addresses.length > 1) notes.push(`${addresses.length - 1} other address(es) left out`);
  const street = [chosen.extended, chosen.street].filter((s) => s !== '').join(', ');
  const country = countryCode(chosen.country);
  if (country === '' && chosen.country !== '')
    notes.push(`country "${chosen.country}" not recognised; left out`);
  return {
    street: clip(street, 200, 'street', notes),
    postalCode: clip(chosen.postalCode, 20, 'postal code', notes),
    city: clip(chosen.locality, 100, 'city', notes),
    country,
  };
}

function birthDate(contact: VcardContact, notes: string[]): string {
  const { birthday } = contact;
  if (!birthday) return '';
  const { date, raw } = birthday;
  const today = new Date().toISOString().slice(0, 10);
  if (date !== '' && isRealDate(date) && date <= today) return date;
  notes.push(
    /^--/.test(raw)
      ? `birthday ${raw} has no year; left out`
      : `birthday "${raw}" is not a full past date; left out`,
  );
  return '';
}

function language(languages: string[]): CustomerDraft['language'] {
  for (const tag of languages) {
    const primary = tag.split('-')[0]!.toLowerCase();
    const known = LANGUAGES.find((l) => l !== '' && l === primary);
    if (known !== undefined) return known;
  }
  return '';
}

function tags(categories: string[], notes: string[]): string[] {
  const kept = categories.filter((tag) => {
    const ok = customerPatchSchema.shape.tags.safeParse([tag]).success;
    if (!ok) notes.push(`category "${tag}" is too long for a tag; left out`);
    return ok;
  });
  if (kept.length > TAGS_MAX) notes.push(`${kept.length - TAGS_MAX} more categories left out`);
  return kept.slice(0, TAGS_MAX);
}

function clip(value: string, max: number, what: string, notes: string[]): string {
  if (value.length <= max) return value;
  notes.push(`${what} cut to ${max} characters`);
  return value.slice(0, max);
}
