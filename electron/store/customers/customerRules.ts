import { stampConsent } from '../../../shared/domain/consent';
import { customValueProblem, type CustomValue } from '../../../shared/domain/customFields';
import type { Customer, CustomerInput } from '../../../shared/domain/customer';
import type { Settings } from '../../../shared/domain/settings';
import { checkPhone } from '../../../shared/domain/validation/phone';
import { AppError, type FieldProblem } from '../../../shared/errors';

/**
 * What the schema cannot check alone, because it needs the file's settings or the stored
 * record: phones become E.164 read with the default country, consent answers are dated by
 * the store, custom values must fit their field. `at` names where the fields sit in the call.
 */
export function applyRules<T extends Partial<CustomerInput>>(
  fields: T,
  previous: Customer | undefined,
  settings: Settings,
  now: number,
  at: (string | number)[],
): T {
  const problems: FieldProblem[] = [];
  const next = { ...fields };
  const phone = (value: string, path: (string | number)[]) => {
    if (value === '') return '';
    const verdict = checkPhone(value, settings.defaultCountry);
    if (verdict.ok) return verdict.e164;
    problems.push({ path: [...at, ...path], rule: 'invalidPhone' });
    return value;
  };
  if (next.phone !== undefined) next.phone = phone(next.phone, ['phone']);
  if (next.additionalPhones !== undefined) {
    next.additionalPhones = [
      ...new Set(next.additionalPhones.map((p, i) => phone(p, ['additionalPhones', i]))),
    ];
  }
  if (next.consent !== undefined) next.consent = stampConsent(next.consent, previous?.consent, now);
  if (next.custom !== undefined) {
    const custom: Record<string, CustomValue> = { ...previous?.custom };
    for (const [id, value] of Object.entries(next.custom)) {
      const field = settings.customFields.find((f) => f.id === id);
      const rule = field ? customValueProblem(field, value) : 'unknownField';
      if (rule) problems.push({ path: [...at, 'custom', id], rule });
      else if (value === null || value === '') delete custom[id];
      else custom[id] = value;
    }
    next.custom = custom;
  }
  if (problems.length > 0) {
    const where = problems.map((p) => p.path.join('.')).join(', ');
    throw new AppError('VALIDATION', `Invalid customer field at ${where}`, problems);
  }
  return next;
}
