import { foldText } from './fold';
import { z } from 'zod';

/** The kinds of field a user can add to every customer, in settings. */
export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'choice',
  'multiChoice',
  'yesNo',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CUSTOM_FIELDS_MAX = 50;
export const CUSTOM_TEXT_MAX = 500;

export const customFieldSchema = z
  .strictObject({
    /** Stable key the values are filed under; a renamed label keeps its values. */
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/, { error: 'invalidChoice' }),
    label: z.string().trim().min(1, { error: 'required' }).max(60, { error: 'tooLong' }),
    type: z.enum(CUSTOM_FIELD_TYPES, { error: 'invalidChoice' }),
    options: z
      .array(z.string().trim().min(1, { error: 'required' }).max(60, { error: 'tooLong' }))
      .max(50, { error: 'tooMany' })
      .default([]),
  })
  .refine((f) => !['choice', 'multiChoice'].includes(f.type) || f.options.length > 0, {
    error: 'required',
    path: ['options'],
  });
export type CustomField = z.output<typeof customFieldSchema>;

export type CustomValue = string | number | boolean | string[] | null;
/** Values by field id; checked against the field definitions by the store, which knows them. */
export const customValuesSchema = z.record(
  z.string().max(40),
  z.union([
    z.string().max(CUSTOM_TEXT_MAX, { error: 'tooLong' }),
    z.number().finite(),
    z.boolean(),
    z.array(z.string().max(60)).max(50),
    z.null(),
  ]),
);

/** The rule a value breaks for its field, or null when it fits. */
export function customValueProblem(field: CustomField, value: CustomValue): string | null {
  if (value === null || value === '') return null;
  switch (field.type) {
    case 'text':
      return typeof value === 'string' ? null : 'invalidChoice';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'invalidNumber';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'invalidDate';
    case 'yesNo':
      return typeof value === 'boolean' ? null : 'invalidChoice';
    case 'choice':
      return typeof value === 'string' && field.options.includes(value) ? null : 'invalidChoice';
    case 'multiChoice':
      return Array.isArray(value) && value.every((v) => field.options.includes(v))
        ? null
        : 'invalidChoice';
  }
}

/**
 * The id a new custom field gets from its label ("Taille de vêtement" -> "taille-de-vetement"),
 * made unique among `taken` with a number; '' when the label has no letter or digit.
 */
export function customFieldIdFor(label: string, taken: readonly string[] = []): string {
  const base = foldText(label)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 36);
  if (!base || !taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
