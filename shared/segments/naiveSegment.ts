import type { Customer } from '../domain/customer';
import { lineTotalMinor } from '../domain/purchase';
import type { SegmentContext } from './evaluateSegment';
import { SegmentRuleError } from './evaluateSegment';
import { conditionProblem } from './checkRule';
import type { DayValue, Rule, Span } from './segmentRules';
import { dayEnd, dayStart, lastWindow, nextBirthday, nextWindow } from './segmentTime';

/**
 * The reference evaluator: the rule read word for word for one customer, with no work shared
 * between customers (each behaviour condition reads every purchase again). The property tests
 * hold the compiled evaluator to it, and the bench uses it as the baseline.
 */
export function naiveInSegment(
  rule: Rule,
  customer: Customer,
  context: SegmentContext,
  using: readonly string[] = [],
): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  switch (rule.kind) {
    case 'group': {
      if (rule.rules.length === 0) return true;
      const results = rule.rules.map((r) => naiveInSegment(r, customer, context, using));
      if (rule.op === 'all') return results.every(Boolean);
      if (rule.op === 'any') return results.some(Boolean);
      return !results.some(Boolean);
    }
    case 'segment': {
      const target = context.segments.get(rule.name);
      if (!target) throw new SegmentRuleError(`no segment ${rule.name}`, 'unknownSegment');
      if (using.includes(rule.name)) throw new SegmentRuleError('cycle', 'cycle');
      return naiveInSegment(target, customer, context, [...using, rule.name]);
    }
    case 'bought': {
      if (conditionProblem(rule, context.fields)) throw new SegmentRuleError('bad', 'incomplete');
      let times = 0;
      let amount = 0;
      if (!context.purchases) throw new Error('The naive evaluator reads purchases as objects');
      for (const purchase of context.purchases) {
        if (purchase.customerId !== customer.id) continue;
        if (rule.within && purchase.at < lastWindow(rule.within, context.now)[0]) continue;
        const lines = purchase.lines.filter(
          (l) => fold(l[rule.key].trim()) === fold(rule.value.trim()),
        );
        if (lines.length === 0) continue;
        times++;
        for (const line of lines) amount += lineTotalMinor(line);
      }
      const yes =
        times >= (rule.times ?? 1) &&
        times > 0 &&
        amount >= Math.round((rule.amount ?? 0) * context.minorPerUnit);
      return rule.never ? !yes : yes;
    }
    case 'interacted':
      if (conditionProblem(rule, context.fields)) throw new SegmentRuleError('bad', 'incomplete');
      return context.interactions.some(
        (i) =>
          i.customerId === customer.id &&
          i.kind === rule.type &&
          (!rule.within || i.at >= lastWindow(rule.within, context.now)[0]),
      );
    case 'field': {
      if (conditionProblem(rule, context.fields)) throw new SegmentRuleError('bad', 'incomplete');
      const field = context.fields.get(rule.field)!;
      const v = field.read(customer);
      const empty = v === null || v === '' || (Array.isArray(v) && v.length === 0);
      if (rule.op === 'is_empty') return empty;
      if (rule.op === 'is_not_empty') return !empty;
      const value = rule.value;
      const now = context.now;
      if (field.type === 'text') {
        const a = fold(v as string);
        const b = fold(value as string);
        if (rule.op === 'is') return a === b;
        if (rule.op === 'is_not') return a !== b;
        if (rule.op === 'contains') return a.indexOf(b) !== -1;
        return a.slice(0, b.length) === b;
      }
      if (field.type === 'choice') return rule.op === 'is' ? v === value : v !== value;
      if (field.type === 'yesNo') return v === value;
      if (field.type === 'list') {
        const has = (v as string[]).map(fold);
        const wanted = (value as string[]).map(fold);
        const count = wanted.filter((w) => has.includes(w)).length;
        if (rule.op === 'has_any') return count > 0;
        if (rule.op === 'has_all') return count === wanted.length;
        return count === 0;
      }
      if (field.type === 'number' || field.type === 'money') {
        if (v === null) return false;
        const scale = (n: number) =>
          field.type === 'money' ? Math.round(n * context.minorPerUnit) : n;
        const n = v as number;
        if (rule.op === 'between') {
          const [a, b] = (value as [number, number]).map(scale) as [number, number];
          return n >= Math.min(a, b) && n <= Math.max(a, b);
        }
        const t = scale(value as number);
        switch (rule.op) {
          case '=':
            return n === t;
          case '!=':
            return n !== t;
          case '<':
            return n < t;
          case '<=':
            return n <= t;
          case '>':
            return n > t;
          default:
            return n >= t;
        }
      }
      if (field.type === 'birthday') {
        const next = nextBirthday(v as string, now);
        const [from, to] = nextWindow(value as Span, now);
        return next !== null && from <= next && next < to;
      }
      // A date.
      if (v === null) return false;
      const at = v as number;
      switch (rule.op) {
        case 'before':
          return at < dayStart(value as DayValue, now);
        case 'after':
          return at >= dayEnd(value as DayValue, now);
        case 'in_last': {
          const [from, to] = lastWindow(value as Span, now);
          return at >= from && at < to;
        }
        case 'in_next': {
          const [from, to] = nextWindow(value as Span, now);
          return at >= from && at < to;
        }
        default: {
          const [a, b] = value as [DayValue, DayValue];
          const low = Math.min(dayStart(a, now), dayStart(b, now));
          const high = Math.max(dayEnd(a, now), dayEnd(b, now));
          return at >= low && at < high;
        }
      }
    }
  }
}
