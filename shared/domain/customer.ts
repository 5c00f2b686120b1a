import { z } from 'zod';
import { checkEmail } from './validation/email';
import { consentSchema, emptyConsent, type Consent } from './consent';
import { customValuesSchema } from './customFields';
import { EMPTY_FIGURES, type CustomerFigures } from './figures';

/** Rule codes used as schema messages; the UI translates them (see renderer/i18n). */
export const CUSTOMER_RULES = [
  'required',
  'tooLong',
  'invalidEmail',
  'invalidPhone',
  'invalidDate',
  'futureDate',
  'nameOrEmailRequired',
  'tooManyTags',
  'tooMany',
  'invalidNumber',
  'invalidChoice',
  'unknownField',
  'duplicate',
] as const;
export type CustomerRule = (typeof CUSTOMER_RULES)[number];

export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const PHONE_MAX = 30;
export const CITY_MAX = 100;
export const TAG_MAX = 40;
export const TAGS_MAX = 30;
export const NOTES_MAX = 5000;
export const CONTACTS_MAX = 10;

export const CUSTOMER_STATUSES = ['lead', 'prospect', 'customer', 'inactive', 'archived'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const CUSTOMER_SOURCES = ['counter', 'web', 'import', 'event', 'other'] as const;
export type CustomerSource = (typeof CUSTOMER_SOURCES)[number];
export const GENDERS = ['', 'female', 'male', 'other'] as const;
export const CHANNELS = ['email', 'sms', 'post', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];
export const LANGUAGES = ['', 'fr', 'en', 'de', 'es', 'it', 'nl', 'pt', 'ar', 'zh'] as const;

// Phones are checked for shape here; the store turns them into E.164 with the file's default
// country (it knows the settings, a schema does not) and rejects what libphonenumber cannot read.
const PHONE_SHAPE = /^\+?[0-9 ().\-/]{4,}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' });
const email = text(EMAIL_MAX)
  .toLowerCase()
  .refine((v) => v === '' || checkEmail(v).ok, { error: 'invalidEmail' });
const phone = text(PHONE_MAX).refine((v) => v === '' || PHONE_SHAPE.test(v), {
  error: 'invalidPhone',
});
const words = (max: number) =>
  z
    .array(z.string().trim().min(1, { error: 'required' }).max(TAG_MAX, { error: 'tooLong' }))
    .max(max, { error: 'tooManyTags' })
    .transform((list) => [...new Set(list)]);
const others = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .max(CONTACTS_MAX, { error: 'tooMany' })
    .transform((list) => [...new Set(list.filter((v) => v !== ''))]);

/** A calendar date (YYYY-MM-DD) that exists, from 1900 to today. */
const birthDate = z
  .string()
  .trim()
  .refine((v) => v === '' || isRealDate(v), { error: 'invalidDate' })
  .refine((v) => v === '' || v <= new Date().toISOString().slice(0, 10), { error: 'futureDate' });

export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '1900'
  );
}

const fields = {
  firstName: text(NAME_MAX),
  lastName: text(NAME_MAX),
  /** The primary email; `additionalEmails` holds the others. */
  email,
  additionalEmails: others(email),
  /** The primary phone, E.164 once stored; `additionalPhones` holds the others. */
  phone,
  additionalPhones: others(phone),
  street: text(200),
  postalCode: text(20),
  city: text(CITY_MAX),
  /** ISO 3166 alpha-2, or '' when unknown. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || /^[A-Z]{2}$/.test(v), { error: 'invalidChoice' }),
  birthDate,
  gender: z.enum(GENDERS, { error: 'invalidChoice' }),
  language: z.enum(LANGUAGES, { error: 'invalidChoice' }),
  company: text(NAME_MAX),
  jobTitle: text(NAME_MAX),
  source: z.enum(CUSTOMER_SOURCES, { error: 'invalidChoice' }),
  sourceDetail: text(NAME_MAX),
  /** The customer's id in the system the file came from (Shopify, HubSpot...): imports match on it. */
  externalId: text(100),
  status: z.enum(CUSTOMER_STATUSES, { error: 'invalidChoice' }),
  tags: words(TAGS_MAX),
  interests: words(TAGS_MAX),
  preferredChannel: z.enum(['', ...CHANNELS], { error: 'invalidChoice' }),
  consent: consentSchema,
  notes: z.string().max(NOTES_MAX, { error: 'tooLong' }),
  custom: customValuesSchema,
};

const inputShape = {
  firstName: fields.firstName.default(''),
  lastName: fields.lastName.default(''),
  email: fields.email.default(''),
  additionalEmails: fields.additionalEmails.default([]),
  phone: fields.phone.default(''),
  additionalPhones: fields.additionalPhones.default([]),
  street: fields.street.default(''),
  postalCode: fields.postalCode.default(''),
  city: fields.city.default(''),
  country: fields.country.default(''),
  birthDate: fields.birthDate.default(''),
  gender: fields.gender.default(''),
  language: fields.language.default(''),
  company: fields.company.default(''),
  jobTitle: fields.jobTitle.default(''),
  source: fields.source.default('other'),
  sourceDetail: fields.sourceDetail.default(''),
  externalId: fields.externalId.default(''),
  status: fields.status.default('lead'),
  tags: fields.tags.default([]),
  interests: fields.interests.default([]),
  preferredChannel: fields.preferredChannel.default(''),
  consent: fields.consent.default(emptyConsent),
  notes: fields.notes.default(''),
  custom: fields.custom.default({}),
};

export const customerInputSchema = z
  .strictObject(inputShape)
  .refine((c) => hasIdentity(c), { error: 'nameOrEmailRequired', path: ['lastName'] });

export const customerPatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
  },
);

export type CustomerInput = z.output<typeof customerInputSchema>;
export type CustomerDraft = z.input<typeof customerInputSchema>;
export type CustomerPatch = z.output<typeof customerPatchSchema>;
export type CustomerField = keyof typeof fields;
export const CUSTOMER_FIELDS = Object.keys(fields) as CustomerField[];

export interface Customer extends CustomerInput {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** Incremented on every write; an update names the version it was based on. */
  version: number;
  /** Kept current by the store on every purchase and interaction; never written by a client. */
  figures: CustomerFigures;
}

// Empty values shared by every customer that has nothing in a field: frozen, so no code can
// change one customer's list through another's.
const NO_LIST = Object.freeze([]) as unknown as string[];
const NO_CUSTOM = Object.freeze({}) as CustomerInput['custom'];
const NO_CONSENT = Object.freeze(emptyConsent()) as Consent;
/** The figures of a customer with no purchase and no interaction, shared and frozen. */
export const NO_FIGURES = Object.freeze({ ...EMPTY_FIGURES }) as CustomerFigures;

/** Every field a customer has, with its empty value. */
export const EMPTY_CUSTOMER_FIELDS: CustomerInput = Object.freeze({
  firstName: '',
  lastName: '',
  email: '',
  additionalEmails: NO_LIST,
  phone: '',
  additionalPhones: NO_LIST,
  street: '',
  postalCode: '',
  city: '',
  country: '',
  birthDate: '',
  gender: '',
  language: '',
  company: '',
  jobTitle: '',
  source: 'other',
  sourceDetail: '',
  externalId: '',
  status: 'lead',
  tags: NO_LIST,
  interests: NO_LIST,
  preferredChannel: '',
  consent: NO_CONSENT,
  notes: '',
  custom: NO_CUSTOM,
});

/**
 * A stored record (written without its empty fields, or by an earlier version) in the current
 * full shape, nothing dropped. One object literal with every field in a fixed order: several
 * times faster than spreading a template over 100k records at unlock, and the compiler checks
 * that no field of Customer is forgotten.
 */
export function upgradeCustomer(s: Partial<Customer> & { id: string }): Customer {
  const empty = EMPTY_CUSTOMER_FIELDS;
  return {
    id: s.id,
    firstName: s.firstName ?? '',
    lastName: s.lastName ?? '',
    email: s.email ?? '',
    additionalEmails: s.additionalEmails ?? NO_LIST,
    phone: s.phone ?? '',
    additionalPhones: s.additionalPhones ?? NO_LIST,
    street: s.street ?? '',
    postalCode: s.postalCode ?? '',
    city: s.city ?? '',
    country: s.country ?? '',
    birthDate: s.birthDate ?? '',
    gender: s.gender ?? '',
    language: s.language ?? '',
    company: s.company ?? '',
    jobTitle: s.jobTitle ?? '',
    source: s.source ?? empty.source,
    sourceDetail: s.sourceDetail ?? '',
    externalId: s.externalId ?? '',
    status: s.status ?? empty.status,
    tags: s.tags ?? NO_LIST,
    interests: s.interests ?? NO_LIST,
    preferredChannel: s.preferredChannel ?? '',
    // Stored whole when stored at all: every channel is there.
    consent: s.consent ?? NO_CONSENT,
    notes: s.notes ?? '',
    custom: s.custom ?? NO_CUSTOM,
    createdAt: s.createdAt ?? 0,
    updatedAt: s.updatedAt ?? 0,
    version: s.version ?? 1,
    figures: s.figures ?? NO_FIGURES,
  };
}

/** After a patch, a customer must still have a name or an email. */
export function hasIdentity(c: { firstName: string; lastName: string; email: string }): boolean {
  return c.firstName !== '' || c.lastName !== '' || c.email !== '';
}

export function displayName(c: { firstName: string; lastName: string; email: string }): string {
  const name = `${c.firstName} ${c.lastName}`.trim();
  return name || c.email;
}
