import type { Customer } from '../domain/customer';
import { foldText } from '../domain/fold';
import type { InteractionKind } from '../domain/interaction';
import { conditionProblem } from './checkRule';
import { purchaseColumns } from './purchaseColumns';
import type { FieldReading, SegmentField } from './segmentFields';
import type {
  BoughtCondition,
  DayValue,
  FieldCondition,
  InteractedCondition,
  Rule,
  RuleGroup,
  Span,
} from './segmentRules';
import { dayEnd, dayStart, lastWindow, nextBirthday, nextWindow } from './segmentTime';

/** A purchase as segments see it: who, when, and its lines. */
export interface PurchaseFacts {
  customerId: string;
  at: number;
  lines: readonly {
    product: string;
    category: string;
    sku: string;
    quantity: number;
    unitPriceMinor: number;
  }[];
}

export interface InteractionFacts {
  customerId: string;
  kind: InteractionKind;
  at: number;
}

/** Everything a rule may look at besides the customer. */
export interface SegmentContext {
  now: number;
  /** Minor units in one unit of the file's currency (100 for euros): rules give amounts in units. */
  minorPerUnit: number;
  fields: ReadonlyMap<string, SegmentField>;
  /** Saved segments' rules, by name, for "member of". */
  segments: ReadonlyMap<string, RuleGroup>;
  purchases: readonly PurchaseFacts[];
  interactions: readonly InteractionFacts[];
}

/** A rule that cannot be evaluated: an incomplete condition, an unknown segment, a cycle. */
export class SegmentRuleError extends Error {
  constructor(
    message: string,
    readonly code: 'incomplete' | 'unknownSegment' | 'cycle',
  ) {
    super(message);
    this.name = 'SegmentRuleError';
  }
}

type Test = (customer: Customer) => boolean;

/**
 * The rule made into one function that tells, for a customer, whether they are in. Work that
 * does not depend on the customer is done here once: values folded, days resolved, and each
 * behaviour condition answered for every customer by one pass over the purchases (or
 * interactions), kept as a set of customer ids.
 */
export function compileSegment(
  rule: Rule,
  context: SegmentContext,
  /** The saved segments being evaluated already (the one whose rule this is). */
  using: string[] = [],
): Test {
  return compile(rule, context, using);
}

function compile(rule: Rule, context: SegmentContext, using: string[]): Test {
  if (rule.kind === 'group') {
    const tests = rule.rules.map((r) => compile(r, context, using));
    if (tests.length === 0) return () => true;
    if (rule.op === 'all') return (c) => tests.every((t) => t(c));
    if (rule.op === 'any') return (c) => tests.some((t) => t(c));
    return (c) => !tests.some((t) => t(c));
  }
  if (rule.kind === 'segment') {
    const target = context.segments.get(rule.name);
    if (!target) {
      throw new SegmentRuleError(`There is no saved segment "${rule.name}"`, 'unknownSegment');
    }
    if (using.includes(rule.name)) {
      throw new SegmentRuleError(
        `Segment "${rule.name}" would include itself (${[...using, rule.name].join(' → ')})`,
        'cycle',
      );
    }
    return compile(target, context, [...using, rule.name]);
  }
  const problem = conditionProblem(rule, context.fields);
  if (problem) throw new SegmentRuleError(problem.message, 'incomplete');
  if (rule.kind === 'bought') return boughtTest(rule, context);
  if (rule.kind === 'interacted') return interactedTest(rule, context);
  return fieldTest(rule, context.fields.get(rule.field)!, context);
}

function boughtTest(rule: BoughtCondition, context: SegmentContext): Test {
  const columns = purchaseColumns(context.purchases);
  const wanted = columns.texts.get(foldText(rule.value.trim()));
  const from = rule.within ? lastWindow(rule.within, context.now)[0] : -Infinity;
  const customers = columns.customerIds.length;
  const times = new Int32Array(customers);
  const spent = new Float64Array(customers);
  // A text no line has: nobody bought it (and everybody never did).
  if (wanted !== undefined) {
    const key = columns[rule.key];
    const { at, lineStart, totalMinor, customer } = columns;
    for (let p = 0; p < at.length; p++) {
      if (at[p]! < from) continue;
      let matched = false;
      let amount = 0;
      for (let l = lineStart[p]!, end = lineStart[p + 1]!; l < end; l++) {
        if (key[l] !== wanted) continue;
        matched = true;
        amount += totalMinor[l]!;
      }
      if (!matched) continue;
      times[customer[p]!]!++;
      spent[customer[p]!]! += amount;
    }
  }
  const minTimes = rule.times ?? 1;
  const minAmount = Math.round((rule.amount ?? 0) * context.minorPerUnit);
  const index = columns.customerIndex;
  const bought = (id: string) => {
    const c = index.get(id);
    return c !== undefined && times[c]! >= Math.max(1, minTimes) && spent[c]! >= minAmount;
  };
  return rule.never ? (c) => !bought(c.id) : (c) => bought(c.id);
}

function interactedTest(rule: InteractedCondition, context: SegmentContext): Test {
  const from = rule.within ? lastWindow(rule.within, context.now)[0] : -Infinity;
  const members = new Set<string>();
  for (const i of context.interactions) {
    if (i.kind === rule.type && i.at >= from) members.add(i.customerId);
  }
  return (c) => members.has(c.id);
}

function fieldTest(rule: FieldCondition, field: SegmentField, context: SegmentContext): Test {
  const read = field.read;
  const { op, value } = rule;
  if (op === 'is_empty') return (c) => isEmpty(read(c));
  if (op === 'is_not_empty') return (c) => !isEmpty(read(c));
  const now = context.now;
  switch (field.type) {
    case 'text': {
      const wanted = foldText(value as string);
      const text = (c: Customer) => foldText(read(c) as string);
      if (op === 'is') return (c) => text(c) === wanted;
      if (op === 'is_not') return (c) => text(c) !== wanted;
      if (op === 'contains') return (c) => text(c).includes(wanted);
      return (c) => text(c).startsWith(wanted);
    }
    case 'choice':
      return op === 'is' ? (c) => read(c) === value : (c) => read(c) !== value;
    case 'yesNo':
      return (c) => read(c) === value;
    case 'list': {
      const wanted = (value as string[]).map(foldText);
      const folded = (c: Customer) => (read(c) as readonly string[]).map(foldText);
      if (op === 'has_any') return (c) => folded(c).some((v) => wanted.includes(v));
      if (op === 'has_all') {
        return (c) => {
          const has = folded(c);
          return wanted.every((w) => has.includes(w));
        };
      }
      return (c) => !folded(c).some((v) => wanted.includes(v));
    }
    case 'number':
    case 'money': {
      const scale = field.type === 'money' ? context.minorPerUnit : 1;
      const toScale = (n: number) => (field.type === 'money' ? Math.round(n * scale) : n);
      const num = (c: Customer) => read(c) as number | null;
      if (op === 'between') {
        const [a, b] = (value as [number, number]).map(toScale) as [number, number];
        const [low, high] = a <= b ? [a, b] : [b, a];
        return (c) => {
          const n = num(c);
          return n !== null && n >= low && n <= high;
        };
      }
      const target = toScale(value as number);
      const compare = COMPARE[op as keyof typeof COMPARE];
      return (c) => {
        const n = num(c);
        return n !== null && compare(n, target);
      };
    }
    case 'birthday': {
      const [from, to] = nextWindow(value as Span, now);
      return (c) => {
        const next = nextBirthday(read(c) as string, now);
        return next !== null && next >= from && next < to;
      };
    }
    case 'date': {
      const [from, to] = dateRange(op, value!, now);
      return (c) => {
        const at = read(c) as number | null;
        return at !== null && at >= from && at < to;
      };
    }
  }
}

const COMPARE = {
  '=': (a: number, b: number) => a === b,
  '!=': (a: number, b: number) => a !== b,
  '<': (a: number, b: number) => a < b,
  '<=': (a: number, b: number) => a <= b,
  '>': (a: number, b: number) => a > b,
  '>=': (a: number, b: number) => a >= b,
};

/** The ms a date condition keeps: [from, to). */
function dateRange(op: string, value: unknown, now: number): [number, number] {
  if (op === 'before') return [-Infinity, dayStart(value as DayValue, now)];
  if (op === 'after') return [dayEnd(value as DayValue, now), Infinity];
  if (op === 'in_last') return lastWindow(value as Span, now);
  if (op === 'in_next') return nextWindow(value as Span, now);
  const [a, b] = value as [DayValue, DayValue];
  const from = dayStart(a, now);
  const to = dayStart(b, now);
  return from <= to ? [from, dayEnd(b, now)] : [to, dayEnd(a, now)];
}

function isEmpty(value: FieldReading): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The customers a rule keeps. */
export function segmentMembers(
  rule: Rule,
  customers: Iterable<Customer>,
  context: SegmentContext,
): Customer[] {
  const test = compileSegment(rule, context);
  const out: Customer[] = [];
  for (const customer of customers) if (test(customer)) out.push(customer);
  return out;
}
