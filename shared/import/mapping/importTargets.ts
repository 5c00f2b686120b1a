import type { CustomField } from '../../domain/customFields';

/** Customer fields a column can fill as they are (after its value is parsed). */
export const FIELD_TARGETS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'street',
  'postalCode',
  'city',
  'country',
  'birthDate',
  'gender',
  'language',
  'company',
  'jobTitle',
  'status',
  'tags',
  'interests',
  'notes',
  'sourceDetail',
  /** The other system's customer id, used to find the same customer again. */
  'externalId',
] as const;
export type FieldTarget = (typeof FIELD_TARGETS)[number];

/** Targets that are not one customer field: split, appended, collected or kept aside. */
export const SPECIAL_TARGETS = [
  /** "Marie Dupont" or "Dupont, Marie", split into first and last name. */
  'fullName',
  /** Second address line, appended to the street on a new line. */
  'address2',
  'additionalEmail',
  'additionalPhone',
  /** Yes/no answers to email and SMS marketing. */
  'consentEmail',
  'consentSms',
  /** Yes/no answers to marketing by post and by phone calls (Comptoir's own exports have them). */
  'consentPost',
  'consentPhone',
  /** Chosen by the user: the column is not imported. */
  'ignore',
] as const;
export type SpecialTarget = (typeof SPECIAL_TARGETS)[number];

/** A user's custom field, by its stable id. */
export type CustomTarget = `custom:${string}`;
export type TargetId = FieldTarget | SpecialTarget | CustomTarget;

export interface ImportTarget {
  id: TargetId;
  /** Translation key of the target's name; custom fields show their own label instead. */
  labelKey: string;
  /** A custom field's own label, shown as it is. */
  label?: string;
  /** Whether several columns may map to it (their values are added together). */
  multiple: boolean;
}

/** Targets several columns may share: lists, and notes joined line by line. */
const MULTIPLE = new Set<TargetId>([
  'additionalEmail',
  'additionalPhone',
  'tags',
  'interests',
  'notes',
  'ignore',
]);

/** Translation key of a built-in target's name. */
const labelKeyOf = (id: FieldTarget | SpecialTarget) => `import.target.${id}`;
const CUSTOM_LABEL_KEY = 'import.target.custom';

/** Every built-in target, fields first, in the order the column menu shows them. */
export const BUILT_IN_TARGETS: readonly ImportTarget[] = [...FIELD_TARGETS, ...SPECIAL_TARGETS].map(
  (id) => ({ id, labelKey: labelKeyOf(id), multiple: MULTIPLE.has(id) }),
);

/** Every translation key the targets use, for the translation files to cover. */
export const IMPORT_TARGET_LABEL_KEYS: readonly string[] = [
  ...BUILT_IN_TARGETS.map((t) => t.labelKey),
  CUSTOM_LABEL_KEY,
];

/** The targets a column can be mapped to, the user's custom fields last. */
export function importTargets(customFields: readonly Pick<CustomField, 'id' | 'label'>[] = []) {
  const custom: ImportTarget[] = customFields.map((field) => ({
    id: customTarget(field.id),
    labelKey: CUSTOM_LABEL_KEY,
    label: field.label,
    multiple: false,
  }));
  return [...BUILT_IN_TARGETS, ...custom];
}

/** The target of a custom field. */
export function customTarget(fieldId: string): CustomTarget {
  return `custom:${fieldId}`;
}

/** The custom field id of a target, or null for a built-in target. */
export function customFieldIdOf(target: TargetId): string | null {
  return target.startsWith('custom:') ? target.slice('custom:'.length) : null;
}

/** Whether several columns may map to `target`. */
export function isMultipleTarget(target: TargetId): boolean {
  return MULTIPLE.has(target);
}

/** Whether a saved or received string names a target (custom ids are checked by the caller). */
export function isTargetId(value: string): value is TargetId {
  return (
    (FIELD_TARGETS as readonly string[]).includes(value) ||
    (SPECIAL_TARGETS as readonly string[]).includes(value) ||
    /^custom:[a-z0-9_-]{1,40}$/.test(value)
  );
}
