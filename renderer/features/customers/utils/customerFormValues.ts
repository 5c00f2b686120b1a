import { AppError, type FieldProblem } from '../../../../shared/errors';
import {
  customerInputSchema,
  type Customer,
  type CustomerDraft,
  type CustomerInput,
} from '../../../../shared/domain/customer';
import { problemsOf } from '../../../../shared/rpc/dispatch';

export const FORM_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'city', 'tags'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** What the form edits: every field as the text the user typed. */
export type FormValues = Record<FormField, string>;
/** Rule code per field, e.g. `{ email: 'invalidEmail' }`. */
export type FieldErrors = Partial<Record<FormField, string>>;

export const EMPTY_FORM: FormValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  city: '',
  tags: '',
};

export function valuesOf(customer: Customer): FormValues {
  const { firstName, lastName, email, phone, city, tags } = customer;
  return { firstName, lastName, email, phone, city, tags: tags.join(', ') };
}

export function draftOf(values: FormValues): CustomerDraft {
  return {
    ...values,
    tags: values.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
  };
}

/** The first problem of each field, from problems whose path starts with `prefix`. */
export function fieldErrorsOf(problems: FieldProblem[], prefix: string[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, rule } of problems) {
    if (!prefix.every((part, i) => path[i] === part)) continue;
    const field = path[prefix.length];
    if ((FORM_FIELDS as readonly unknown[]).includes(field) && !errors[field as FormField]) {
      errors[field as FormField] = rule;
    }
  }
  return errors;
}

/** Checks the form with the same schema the store applies on arrival. */
export function validateForm(
  values: FormValues,
): { ok: true; input: CustomerInput } | { ok: false; errors: FieldErrors } {
  const parsed = customerInputSchema.safeParse(draftOf(values));
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: fieldErrorsOf(problemsOf(parsed.error)) };
}

/** Field errors carried by a VALIDATION error from the store, if any. */
export function serverFieldErrors(error: unknown): FieldErrors | null {
  if (
    !(error instanceof AppError) ||
    error.code !== 'VALIDATION' ||
    !Array.isArray(error.details)
  ) {
    return null;
  }
  const problems = error.details as FieldProblem[];
  const errors = {
    ...fieldErrorsOf(problems, ['customer']),
    ...fieldErrorsOf(problems, ['patch']),
  };
  return Object.keys(errors).length > 0 ? errors : null;
}
