import { OPS_BY_TYPE, type SegmentField } from '../../../shared/segments/segmentFields';
import type {
  Condition,
  FieldOp,
  FieldValue,
  Rule,
  RuleGroup,
} from '../../../shared/segments/segmentRules';

/** Where a rule sits in the tree: the index at each level from the root group. */
export type RulePath = readonly number[];

/** What the field picker offers besides fields: the behaviour and membership conditions. */
export const SPECIAL_KINDS = ['bought', 'never_bought', 'interacted', 'segment'] as const;
export type SpecialKind = (typeof SPECIAL_KINDS)[number];

/** A new condition on a field or of a kind: the field type's first operator, no value yet. */
export function newCondition(pick: string, fields: ReadonlyMap<string, SegmentField>): Condition {
  if (pick === 'bought' || pick === 'never_bought') {
    return { kind: 'bought', never: pick === 'never_bought', key: 'category', value: '' };
  }
  if (pick === 'interacted') return { kind: 'interacted', type: 'visit' };
  if (pick === 'segment') return { kind: 'segment', name: '' };
  const field = fields.get(pick)!;
  const op = OPS_BY_TYPE[field.type][0]!;
  return { kind: 'field', field: pick, op, ...(defaultValue(field, op) ?? {}) };
}

/** The value an operator starts with, when one is obvious (yes, 30 days...). */
function defaultValue(field: SegmentField, op: FieldOp): { value: FieldValue } | null {
  if (field.type === 'yesNo') return { value: true };
  if (op === 'in_last' || op === 'in_next') return { value: { count: 30, unit: 'd' } };
  if (field.type === 'choice' && field.options?.length) return { value: field.options[0]! };
  return null;
}

/** The condition with another operator: the value kept when it still fits, else reset. */
export function withOp(
  condition: Extract<Condition, { kind: 'field' }>,
  op: FieldOp,
  field: SegmentField,
): Condition {
  const { value: _old, ...rest } = condition;
  const shape = (o: FieldOp) =>
    o === 'between'
      ? 'pair'
      : o === 'in_last' || o === 'in_next'
        ? 'span'
        : o === 'is_empty' || o === 'is_not_empty'
          ? 'none'
          : 'one';
  if (shape(op) === shape(condition.op) && condition.value !== undefined) {
    return { ...rest, op, value: condition.value };
  }
  return { ...rest, op, ...(defaultValue(field, op) ?? {}) };
}

export function ruleAt(root: RuleGroup, path: RulePath): Rule {
  let rule: Rule = root;
  for (const i of path) rule = (rule as RuleGroup).rules[i]!;
  return rule;
}

/** The tree with the rule at `path` replaced (a new tree; the old one is left as it was). */
export function replaceAt(root: RuleGroup, path: RulePath, next: Rule): RuleGroup {
  if (path.length === 0) return next as RuleGroup;
  const [i, ...rest] = path as [number, ...number[]];
  const rules = [...root.rules];
  rules[i] = rest.length === 0 ? next : replaceAt(rules[i] as RuleGroup, rest, next);
  return { ...root, rules };
}

export function removeAt(root: RuleGroup, path: RulePath): RuleGroup {
  const parent = path.slice(0, -1);
  const group = ruleAt(root, parent) as RuleGroup;
  const i = path.at(-1)!;
  return replaceAt(root, parent, { ...group, rules: group.rules.filter((_, j) => j !== i) });
}

/** Moves the rule at `path` one place up (-1) or down (+1) within its group. */
export function moveAt(root: RuleGroup, path: RulePath, by: -1 | 1): RuleGroup {
  const parent = path.slice(0, -1);
  const group = ruleAt(root, parent) as RuleGroup;
  const i = path.at(-1)!;
  const j = i + by;
  if (j < 0 || j >= group.rules.length) return root;
  const rules = [...group.rules];
  [rules[i], rules[j]] = [rules[j]!, rules[i]!];
  return replaceAt(root, parent, { ...group, rules });
}

export function appendAt(root: RuleGroup, path: RulePath, rule: Rule): RuleGroup {
  const group = ruleAt(root, path) as RuleGroup;
  return replaceAt(root, path, { ...group, rules: [...group.rules, rule] });
}
