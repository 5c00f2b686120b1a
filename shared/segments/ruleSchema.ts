import { z } from 'zod';
import { INTERACTION_KINDS } from '../domain/interaction';
import {
  FIELD_OPS,
  GROUP_OPS,
  PRODUCT_KEYS,
  SPAN_UNITS,
  type Rule,
  type RuleGroup,
} from './segmentRules';

/** How deep groups may nest, and how many conditions a rule may hold (a message is untrusted). */
export const RULE_DEPTH_MAX = 8;
export const RULE_CONDITIONS_MAX = 200;
export const SEGMENT_NAME_MAX = 80;

const text = z.string().max(200);
const span = z.strictObject({
  count: z.int().min(1).max(3650),
  unit: z.enum(SPAN_UNITS),
});
const relativeDay = z.strictObject({
  offset: z.int().min(-3650).max(3650),
  unit: z.enum(SPAN_UNITS),
});
const day = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), relativeDay]);
const number = z.number().finite();

/** A condition's shape; whether its value suits its field is `conditionProblem`'s to say. */
const condition = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('field'),
    field: z.string().min(1).max(80),
    op: z.enum(FIELD_OPS),
    value: z
      .union([
        text,
        number,
        z.boolean(),
        z.array(text).max(50),
        relativeDay,
        span,
        z.tuple([number, number]),
        z.tuple([day, day]),
      ])
      .optional(),
  }),
  z.strictObject({
    kind: z.literal('bought'),
    never: z.boolean(),
    key: z.enum(PRODUCT_KEYS),
    value: text,
    times: z.int().min(1).max(1_000_000).optional(),
    amount: number.min(0).optional(),
    within: span.optional(),
  }),
  z.strictObject({
    kind: z.literal('interacted'),
    type: z.enum(INTERACTION_KINDS),
    within: span.optional(),
  }),
  z.strictObject({ kind: z.literal('segment'), name: z.string().max(SEGMENT_NAME_MAX) }),
]);

const group: z.ZodType<RuleGroup> = z.lazy(() =>
  z.strictObject({
    kind: z.literal('group'),
    op: z.enum(GROUP_OPS),
    rules: z.array(z.union([condition, group])).max(RULE_CONDITIONS_MAX),
  }),
) as z.ZodType<RuleGroup>;

function size(rule: Rule, depth = 0): { depth: number; conditions: number } {
  if (rule.kind !== 'group') return { depth, conditions: 1 };
  let deepest = depth;
  let conditions = 0;
  for (const r of rule.rules) {
    const s = size(r, depth + 1);
    deepest = Math.max(deepest, s.depth);
    conditions += s.conditions;
  }
  return { depth: deepest, conditions };
}

/** A rule as it may arrive over IPC: its shape, no deeper than 8 groups, 200 conditions. */
export const ruleSchema = group.refine(
  (rule) => {
    const s = size(rule);
    return s.depth <= RULE_DEPTH_MAX && s.conditions <= RULE_CONDITIONS_MAX;
  },
  { error: 'tooMany' },
);
