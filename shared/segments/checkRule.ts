import { INTERACTION_KINDS } from '../domain/interaction';
import { OPS_BY_TYPE, type SegmentField } from './segmentFields';
import {
  PRODUCT_KEYS,
  SPAN_UNITS,
  isRelativeDay,
  isSpan,
  type Condition,
  type DayValue,
  type Rule,
} from './segmentRules';

/** Why a condition cannot be evaluated yet: the builder marks it, the text form refuses it. */
export interface ConditionProblem {
  code: 'unknownField' | 'operator' | 'value' | 'segment';
  message: string;
}

const SPAN_MAX = 3650;

/** A condition ready to evaluate, or what it lacks. */
export function conditionProblem(
  condition: Condition,
  fields: ReadonlyMap<string, SegmentField>,
): ConditionProblem | null {
  const value = (message: string): ConditionProblem => ({ code: 'value', message });
  switch (condition.kind) {
    case 'segment':
      return condition.name.trim() === '' ? { code: 'segment', message: 'Choose a segment' } : null;
    case 'interacted':
      if (!(INTERACTION_KINDS as readonly string[]).includes(condition.type))
        return value('Choose a type of interaction');
      return condition.within && !spanOk(condition.within) ? value('A period of 1 to 3650') : null;
    case 'bought':
      if (!(PRODUCT_KEYS as readonly string[]).includes(condition.key))
        return value('Choose product, category or sku');
      if (condition.value.trim() === '') return value('Name the product, category or sku');
      if (
        condition.times !== undefined &&
        !(Number.isInteger(condition.times) && condition.times >= 1)
      )
        return value('A number of times of 1 or more');
      if (
        condition.amount !== undefined &&
        !(Number.isFinite(condition.amount) && condition.amount >= 0)
      )
        return value('An amount of 0 or more');
      return condition.within && !spanOk(condition.within) ? value('A period of 1 to 3650') : null;
    case 'field':
      break;
  }
  const field = fields.get(condition.field);
  if (!field) return { code: 'unknownField', message: `Unknown field "${condition.field}"` };
  const { op } = condition;
  if (!OPS_BY_TYPE[field.type].includes(op)) {
    return { code: 'operator', message: `"${condition.field}" cannot use ${op}` };
  }
  if (op === 'is_empty' || op === 'is_not_empty') return null;
  const v = condition.value;
  switch (field.type) {
    case 'text':
      // An empty text is "is empty", said so.
      return typeof v === 'string' && v !== '' ? null : value('Type a text');
    case 'choice':
      if (typeof v !== 'string' || v === '') return value('Choose a value');
      return field.options && !field.options.includes(v)
        ? value(`"${v}" is not one of ${field.options.map((o) => `"${o}"`).join(', ')}`)
        : null;
    case 'yesNo':
      return typeof v === 'boolean' ? null : value('Choose yes or no');
    case 'list':
      return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== '')
        ? null
        : value('Give at least one value');
    case 'number':
    case 'money':
      if (op === 'between') {
        return Array.isArray(v) &&
          v.length === 2 &&
          v.every((x) => typeof x === 'number' && Number.isFinite(x))
          ? null
          : value('Give two numbers');
      }
      return typeof v === 'number' && Number.isFinite(v) ? null : value('Give a number');
    case 'birthday':
      return isSpan(v) && spanOk(v) ? null : value('A period of 1 to 3650');
    case 'date':
      if (op === 'in_last' || op === 'in_next') {
        return isSpan(v) && spanOk(v) ? null : value('A period of 1 to 3650');
      }
      if (op === 'between') {
        return Array.isArray(v) && v.length === 2 && v.every((x) => dayOk(x as DayValue))
          ? null
          : value('Give two dates');
      }
      return dayOk(v as DayValue) ? null : value('Give a date');
  }
}

function spanOk(span: { count: number; unit: string }): boolean {
  return (
    Number.isInteger(span.count) &&
    span.count >= 1 &&
    span.count <= SPAN_MAX &&
    (SPAN_UNITS as readonly string[]).includes(span.unit)
  );
}

function dayOk(day: DayValue | undefined): boolean {
  if (typeof day === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (!match) return false;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.toISOString().slice(0, 10) === day;
  }
  return (
    isRelativeDay(day) &&
    Number.isInteger(day.offset) &&
    Math.abs(day.offset) <= SPAN_MAX &&
    (SPAN_UNITS as readonly string[]).includes(day.unit)
  );
}

/** Every incomplete condition of a rule, with its path (indexes from the root). */
export function ruleProblems(
  rule: Rule,
  fields: ReadonlyMap<string, SegmentField>,
  path: number[] = [],
): { path: number[]; problem: ConditionProblem }[] {
  if (rule.kind === 'group') {
    return rule.rules.flatMap((r, i) => ruleProblems(r, fields, [...path, i]));
  }
  const problem = conditionProblem(rule, fields);
  return problem ? [{ path, problem }] : [];
}
