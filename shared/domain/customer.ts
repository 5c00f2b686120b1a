import { z } from 'zod';

/** Rule codes used as schema messages; the UI translates them (see renderer/i18n). */
export const CUSTOMER_RULES = [
  'required',
  'tooLong',
  'invalidEmail',
  'invalidPhone',
  'nameOrEmailRequired',
  'tooManyTags',
] as const;
export type CustomerRule = (typeof CUSTOMER_RULES)[number];

export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const PHONE_MAX = 30;
export const CITY_MAX = 100;
export const TAG_MAX = 40;
export const TAGS_MAX = 30;

// Deliberately simple here: the customer-records issue replaces it with the corpus-checked validator.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_SHAPE = /^\+?[0-9 ().\-/]{4,}$/;

const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' });

const fields = {
  firstName: text(NAME_MAX),
  lastName: text(NAME_MAX),
  email: text(EMAIL_MAX)
    .toLowerCase()
    .refine((v) => v === '' || EMAIL_SHAPE.test(v), { error: 'invalidEmail' }),
  phone: text(PHONE_MAX).refine((v) => v === '' || PHONE_SHAPE.test(v), { error: 'invalidPhone' }),
  city: text(CITY_MAX),
  tags: z
    .array(z.string().trim().min(1, { error: 'required' }).max(TAG_MAX, { error: 'tooLong' }))
    .max(TAGS_MAX, { error: 'tooManyTags' })
    .transform((tags) => [...new Set(tags)]),
};

export const customerInputSchema = z
  .strictObject({
    firstName: fields.firstName.default(''),
    lastName: fields.lastName.default(''),
    email: fields.email.default(''),
    phone: fields.phone.default(''),
    city: fields.city.default(''),
    tags: fields.tags.default([]),
  })
  .refine((c) => c.firstName !== '' || c.lastName !== '' || c.email !== '', {
    error: 'nameOrEmailRequired',
    path: ['lastName'],
  });

export const customerPatchSchema = z.strictObject({
  firstName: fields.firstName.optional(),
  lastName: fields.lastName.optional(),
  email: fields.email.optional(),
  phone: fields.phone.optional(),
  city: fields.city.optional(),
  tags: fields.tags.optional(),
});

export type CustomerInput = z.output<typeof customerInputSchema>;
export type CustomerDraft = z.input<typeof customerInputSchema>;
export type CustomerPatch = z.output<typeof customerPatchSchema>;

export interface Customer extends CustomerInput {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** Incremented on every write; an update names the version it was based on. */
  version: number;
}

export const CUSTOMER_SORT_FIELDS = [
  'lastName',
  'firstName',
  'email',
  'phone',
  'city',
  'createdAt',
  'updatedAt',
] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

/** After a patch, a customer must still have a name or an email. */
export function hasIdentity(c: Pick<CustomerInput, 'firstName' | 'lastName' | 'email'>): boolean {
  return c.firstName !== '' || c.lastName !== '' || c.email !== '';
}

export function displayName(c: Pick<CustomerInput, 'firstName' | 'lastName' | 'email'>): string {
  const name = `${c.firstName} ${c.lastName}`.trim();
  return name || c.email;
}
