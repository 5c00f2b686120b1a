import type { DayValue, Span, SpanUnit } from './segmentRules';

/**
 * Days in a rule are the laptop's calendar days: "today" starts at local midnight, and a
 * month back from 31 March is 28 or 29 February (the JavaScript Date rules, clamped).
 */
export function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** `day` moved by `count` units (negative: back), at local midnight; months clamp to month end. */
export function addUnits(day: number, count: number, unit: SpanUnit): number {
  const d = new Date(day);
  if (unit === 'd') return new Date(d.getFullYear(), d.getMonth(), d.getDate() + count).getTime();
  if (unit === 'w')
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7 * count).getTime();
  const month = d.getMonth() + count;
  const last = new Date(d.getFullYear(), month + 1, 0).getDate();
  return new Date(d.getFullYear(), month, Math.min(d.getDate(), last)).getTime();
}

/** The first ms of the day a rule names: a calendar day, or a day relative to today. */
export function dayStart(value: DayValue, now: number): number {
  if (typeof value === 'string') {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d).getTime();
  }
  return addUnits(startOfDay(now), value.offset, value.unit);
}

/** The first ms of the day after the one a rule names. */
export function dayEnd(value: DayValue, now: number): number {
  return addUnits(dayStart(value, now), 1, 'd');
}

/** "In the last N": from the start of the day N units ago up to the end of today. */
export function lastWindow(span: Span, now: number): [number, number] {
  const today = startOfDay(now);
  return [addUnits(today, -span.count, span.unit), addUnits(today, 1, 'd')];
}

/** "In the next N": from the start of today up to the end of the day N units ahead. */
export function nextWindow(span: Span, now: number): [number, number] {
  const today = startOfDay(now);
  return [today, addUnits(addUnits(today, span.count, span.unit), 1, 'd')];
}

/**
 * The next birthday on or after today of someone born on `birthDate` (YYYY-MM-DD), at local
 * midnight; 29 February is kept on 28 February in other years. null without a birth date.
 */
export function nextBirthday(birthDate: string, now: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return null;
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  const today = startOfDay(now);
  const year = new Date(today).getFullYear();
  const on = (y: number) => {
    const last = new Date(y, month + 1, 0).getDate();
    return new Date(y, month, Math.min(day, last)).getTime();
  };
  const thisYear = on(year);
  return thisYear >= today ? thisYear : on(year + 1);
}
