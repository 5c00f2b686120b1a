import {
  CUSTOM_TEXT_MAX,
  customValueProblem,
  type CustomField,
  type CustomValue,
} from '../../domain/customFields';
import type { CustomerRule } from '../../domain/customer';
import { foldText } from '../../domain/fold';
import { parseDate, parseNumber, parseYesNo, type DateOrder } from './parseValues';

/** Several choices in one cell, as people list them. */
export const CHOICES_SPLIT = /\s*[,;]\s*/;

/** A custom field's value from its cell, by the field's type, or the rule it breaks. */
export function customFieldValue(
  field: CustomField,
  text: string,
  dateOrder: DateOrder,
): { value: CustomValue } | { problem: CustomerRule | 'invalidYesNo' } {
  let value: CustomValue;
  switch (field.type) {
    case 'text':
      if (text.length > CUSTOM_TEXT_MAX) return { problem: 'tooLong' };
      value = text;
      break;
    case 'number': {
      const parsed = parseNumber(text);
      if (!parsed.ok) return { problem: 'invalidNumber' };
      value = parsed.value;
      break;
    }
    case 'date': {
      const parsed = parseDate(text, dateOrder);
      if (!parsed.ok) return { problem: 'invalidDate' };
      value = parsed.iso;
      break;
    }
    case 'yesNo': {
      const parsed = parseYesNo(text);
      if (!parsed.ok) return { problem: parsed.reason };
      value = parsed.value;
      break;
    }
    case 'choice':
      value = optionOf(field, text) ?? text;
      break;
    case 'multiChoice':
      value = text
        .split(CHOICES_SPLIT)
        .filter((w) => w !== '')
        .map((w) => optionOf(field, w) ?? w);
      break;
  }
  const problem = customValueProblem(field, value);
  return problem ? { problem: problem as CustomerRule } : { value };
}

/** The option spelled as in the settings, whatever the cell's case and accents. */
function optionOf(field: CustomField, text: string): string | undefined {
  const key = foldText(text.trim());
  return field.options.find((option) => foldText(option) === key);
}
