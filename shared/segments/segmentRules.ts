import type { InteractionKind } from '../domain/interaction';

/**
 * A segment's rule: nested groups of conditions. The builder edits this tree, the text form
 * (`segmentText.ts`) prints and parses it, and the evaluators (`evaluateSegment.ts`) decide
 * for each customer. Field names are the stable English ones of `segmentFields.ts`.
 */
export type Rule = RuleGroup | Condition;

/** all of (and), any of (or), none of (not any). */
export const GROUP_OPS = ['all', 'any', 'none'] as const;
export type GroupOp = (typeof GROUP_OPS)[number];

export interface RuleGroup {
  kind: 'group';
  op: GroupOp;
  rules: Rule[];
}

export type Condition = FieldCondition | BoughtCondition | InteractedCondition | SegmentCondition;

/** Days, weeks or months: "in the last 3 months", "-90d". */
export const SPAN_UNITS = ['d', 'w', 'm'] as const;
export type SpanUnit = (typeof SPAN_UNITS)[number];

/** A length of time: in_last / in_next, and behaviour's "within". */
export interface Span {
  count: number;
  unit: SpanUnit;
}

/** A day relative to today: -90d is 90 days ago, +2w two weeks ahead, 0d today. */
export interface RelativeDay {
  offset: number;
  unit: SpanUnit;
}

/** A calendar day (YYYY-MM-DD) or a day relative to today. */
export type DayValue = string | RelativeDay;

export const FIELD_OPS = [
  'is',
  'is_not',
  'contains',
  'starts_with',
  'is_empty',
  'is_not_empty',
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'between',
  'before',
  'after',
  'in_last',
  'in_next',
  'has_any',
  'has_all',
  'has_none',
] as const;
export type FieldOp = (typeof FIELD_OPS)[number];

export type FieldValue =
  | string
  | number
  | boolean
  | string[]
  | RelativeDay
  | Span
  | [number, number]
  | [DayValue, DayValue];

/** A customer field compared with a value; `value` is absent for is_empty / is_not_empty. */
export interface FieldCondition {
  kind: 'field';
  field: string;
  op: FieldOp;
  value?: FieldValue;
}

export const PRODUCT_KEYS = ['product', 'category', 'sku'] as const;
export type ProductKey = (typeof PRODUCT_KEYS)[number];

/**
 * Bought a product, a category or a sku (name equal, case and accents aside): at least
 * `times` purchases holding it and at least `amount` spent on it (in the currency's units),
 * within the last `within` (or ever). `never`: no such purchase at all in that time.
 */
export interface BoughtCondition {
  kind: 'bought';
  never: boolean;
  key: ProductKey;
  value: string;
  times?: number;
  amount?: number;
  within?: Span;
}

/** Had an interaction of this type (a visit, a call...), within the last `within` or ever. */
export interface InteractedCondition {
  kind: 'interacted';
  type: InteractionKind;
  within?: Span;
}

/** Is a member of another saved segment, by its name. */
export interface SegmentCondition {
  kind: 'segment';
  name: string;
}

/** The rule that keeps everyone: all of nothing. */
export function everyone(): RuleGroup {
  return { kind: 'group', op: 'all', rules: [] };
}

export function isSpan(value: unknown): value is Span {
  return typeof value === 'object' && value !== null && 'count' in value && 'unit' in value;
}

export function isRelativeDay(value: unknown): value is RelativeDay {
  return typeof value === 'object' && value !== null && 'offset' in value && 'unit' in value;
}
