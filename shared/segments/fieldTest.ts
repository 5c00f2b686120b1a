import type { Customer } from '../domain/customer';
import { foldText } from '../domain/fold';
import type { SegmentContext } from './segmentContext';
import type { FieldReading, SegmentField } from './segmentFields';
import type { DayValue, FieldCondition, Span } from './segmentRules';
import { dayEnd, dayStart, lastWindow, nextBirthday, nextWindow } from './segmentTime';

/** A condition on one customer's own fields: the customer and their position in the list. */
export type FieldTest = (customer: Customer, at: number) => boolean;

const foldedCache = new WeakMap<readonly Customer[], Map<string, unknown[]>>();

/**
 * A text or list field of every customer, folded (case, accents): once per list of customers,
 * not once per count. Folding is the costly part of a text condition (100k customers: ~40 ms).
 */
function foldedColumn<T>(
  customers: readonly Customer[],
  field: SegmentField,
  how: 'raw' | 'folded',
  fold: (reading: FieldReading) => T,
): T[] {
  let byField = foldedCache.get(customers);
  if (!byField) foldedCache.set(customers, (byField = new Map()));
  const key = `${how}:${field.name}`;
  let column = byField.get(key) as T[] | undefined;
  if (!column) {
    column = customers.map((c) => fold(field.read(c)));
    byField.set(key, column);
  }
  return column;
}

/** A field condition made into a test: values folded and days resolved once. */
export function fieldTest(
  rule: FieldCondition,
  field: SegmentField,
  context: Pick<SegmentContext, 'now' | 'minorPerUnit'>,
  customers: readonly Customer[],
): FieldTest {
  const { op, value } = rule;
  const now = context.now;
  // Cities, tags and the like repeat: each distinct value is folded once (folding is slow).
  const folded = new Map<string, string>();
  const fold = (text: string) => {
    let out = folded.get(text);
    if (out === undefined) folded.set(text, (out = foldText(text)));
    return out;
  };
  const readings = () => foldedColumn(customers, field, 'raw', (v) => v);
  if (op === 'is_empty' || op === 'is_not_empty') {
    const all = readings();
    return op === 'is_empty' ? (_, i) => isEmpty(all[i]!) : (_, i) => !isEmpty(all[i]!);
  }
  switch (field.type) {
    case 'text': {
      const wanted = foldText(value as string);
      const texts = foldedColumn(customers, field, 'folded', (v) => fold(v as string));
      if (op === 'is') return (_, i) => texts[i] === wanted;
      if (op === 'is_not') return (_, i) => texts[i] !== wanted;
      if (op === 'contains') return (_, i) => texts[i]!.includes(wanted);
      return (_, i) => texts[i]!.startsWith(wanted);
    }
    case 'choice': {
      const all = readings();
      return op === 'is' ? (_, i) => all[i] === value : (_, i) => all[i] !== value;
    }
    case 'yesNo': {
      const all = readings();
      return (_, i) => all[i] === value;
    }
    case 'list': {
      const wanted = (value as string[]).map(foldText);
      const lists = foldedColumn(customers, field, 'folded', (v) =>
        (v as readonly string[]).map(fold),
      );
      if (op === 'has_any') return (_, i) => lists[i]!.some((v) => wanted.includes(v));
      if (op === 'has_all') return (_, i) => wanted.every((w) => lists[i]!.includes(w));
      return (_, i) => !lists[i]!.some((v) => wanted.includes(v));
    }
    case 'number':
    case 'money': {
      const scale = field.type === 'money' ? context.minorPerUnit : 1;
      const toScale = (n: number) => (field.type === 'money' ? Math.round(n * scale) : n);
      const numbers = numberColumn(customers, field);
      if (op === 'between') {
        const [a, b] = (value as [number, number]).map(toScale) as [number, number];
        const [low, high] = a <= b ? [a, b] : [b, a];
        // NaN (no value) is neither >= nor <=: a customer without one is out.
        return (_, i) => numbers[i]! >= low && numbers[i]! <= high;
      }
      const target = toScale(value as number);
      const compare = COMPARE[op as keyof typeof COMPARE];
      return (_, i) => !Number.isNaN(numbers[i]!) && compare(numbers[i]!, target);
    }
    case 'birthday': {
      const [from, to] = nextWindow(value as Span, now);
      const all = readings();
      return (_, i) => {
        const next = nextBirthday(all[i] as string, now);
        return next !== null && next >= from && next < to;
      };
    }
    case 'date': {
      const [from, to] = dateRange(op, value!, now);
      const ats = numberColumn(customers, field);
      return (_, i) => ats[i]! >= from && ats[i]! < to;
    }
  }
}

const numberCache = new WeakMap<readonly Customer[], Map<string, Float64Array>>();

/** A number, money or date field of every customer, NaN where there is none: tight loops. */
function numberColumn(customers: readonly Customer[], field: SegmentField): Float64Array {
  let byField = numberCache.get(customers);
  if (!byField) numberCache.set(customers, (byField = new Map()));
  let column = byField.get(field.name);
  if (!column) {
    column = new Float64Array(customers.length);
    customers.forEach((c, i) => {
      const n = field.read(c);
      column![i] = typeof n === 'number' ? n : NaN;
    });
    byField.set(field.name, column);
  }
  return column;
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
