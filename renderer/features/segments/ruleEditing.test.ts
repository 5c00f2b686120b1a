import { describe, expect, it } from 'vitest';
import { segmentFields } from '../../../shared/segments/segmentFields';
import type { FieldCondition, RuleGroup } from '../../../shared/segments/segmentRules';
import { appendAt, moveAt, newCondition, removeAt, replaceAt, ruleAt, withOp } from './ruleEditing';

const fields = segmentFields([]);
const city: FieldCondition = { kind: 'field', field: 'city', op: 'is', value: 'Lyon' };
const vip: FieldCondition = { kind: 'field', field: 'tags', op: 'has_any', value: ['vip'] };
const tree: RuleGroup = {
  kind: 'group',
  op: 'all',
  rules: [city, { kind: 'group', op: 'any', rules: [vip] }],
};

describe('editing a rule tree by path', () => {
  it('reads, replaces, appends, removes and moves without touching the original', () => {
    expect(ruleAt(tree, [1, 0])).toBe(vip);
    const appended = appendAt(tree, [1], city);
    expect(ruleAt(appended, [1])).toMatchObject({ rules: [vip, city] });
    expect(removeAt(appended, [1, 0])).toMatchObject({ rules: [city, { rules: [city] }] });
    expect(moveAt(tree, [1], -1).rules.map((r) => r.kind)).toEqual(['group', 'field']);
    expect(moveAt(tree, [0], -1)).toBe(tree);
    expect(replaceAt(tree, [0], vip).rules[0]).toBe(vip);
    expect(tree.rules).toHaveLength(2);
    expect(ruleAt(tree, [1])).toMatchObject({ rules: [vip] });
  });

  it('a new condition starts with its type’s first operator and an obvious value', () => {
    expect(newCondition('city', fields)).toEqual({ kind: 'field', field: 'city', op: 'is' });
    expect(newCondition('may_email', fields)).toMatchObject({ op: 'is', value: true });
    expect(newCondition('status', fields)).toMatchObject({ op: 'is', value: 'lead' });
    expect(newCondition('last_purchase', fields)).toMatchObject({ op: 'before' });
    expect(newCondition('never_bought', fields)).toMatchObject({ kind: 'bought', never: true });
  });

  it('another operator keeps a value of the same shape and drops one that does not fit', () => {
    const total = fields.get('total_spent')!;
    const more: FieldCondition = { kind: 'field', field: 'total_spent', op: '>', value: 100 };
    expect(withOp(more, '<=', total)).toMatchObject({ op: '<=', value: 100 });
    expect(withOp(more, 'between', total)).toEqual({
      kind: 'field',
      field: 'total_spent',
      op: 'between',
    });
    expect(withOp(more, 'is_empty', total)).toEqual({
      kind: 'field',
      field: 'total_spent',
      op: 'is_empty',
    });
  });
});
