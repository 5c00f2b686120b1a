import type { KpiBucket, KpiCompare } from './kpiTypes';

/**
 * Calendar arithmetic for the dashboard, in the laptop's local time through Date: a day is a
 * calendar day (23 or 25 hours across a clock change), a week starts on Monday.
 */

/** A fixed 24 h, for "days ago" and "older than N days" (not calendar days). */
export const DAY_MS = 86_400_000;

export function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

export function startOfMonth(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}

/** The start of the bucket that holds `ms`. */
export function bucketStart(ms: number, bucket: KpiBucket): number {
  const d = new Date(ms);
  if (bucket === 'month') return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
  // getDay is 0 on Sunday: Monday is 0 days back, Sunday 6.
  const back = bucket === 'week' ? (d.getDay() + 6) % 7 : 0;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - back).getTime();
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucketStart(start: number, bucket: KpiBucket): number {
  const d = new Date(start);
  if (bucket === 'month') return new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime();
  const days = bucket === 'week' ? 7 : 1;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

/** Every bucket start from the one holding `from` while before `to`; none for an empty period. */
export function bucketStarts(from: number, to: number, bucket: KpiBucket): number[] {
  const starts: number[] = [];
  if (!(from < to)) return starts;
  for (let s = bucketStart(from, bucket); s < to; s = nextBucketStart(s, bucket)) starts.push(s);
  return starts;
}

/** The same day and time `count` months later (earlier if negative), clamped to the month's end. */
export function addMonths(ms: number, count: number): number {
  const d = new Date(ms);
  const month = d.getMonth() + count;
  const last = new Date(d.getFullYear(), month + 1, 0).getDate();
  return new Date(
    d.getFullYear(),
    month,
    Math.min(d.getDate(), last),
    d.getHours(),
    d.getMinutes(),
    d.getSeconds(),
    d.getMilliseconds(),
  ).getTime();
}

/** One calendar year back by Date.setFullYear: 29 February becomes 1 March. */
export function yearBefore(ms: number): number {
  const d = new Date(ms);
  d.setFullYear(d.getFullYear() - 1);
  return d.getTime();
}

/** The period compared with [from, to), or null without comparison. */
export function comparisonPeriod(
  from: number,
  to: number,
  compare: KpiCompare | null,
): [number, number] | null {
  if (compare === 'previous') return [from - (to - from), from];
  if (compare === 'lastYear') return [yearBefore(from), yearBefore(to)];
  return null;
}

/** The 12 cohort months ending with the one holding `to - 1`, plus the start of the month after. */
export function cohortMonths(to: number): number[] {
  const d = new Date(to - 1);
  const months: number[] = [];
  for (let k = -11; k <= 1; k++) {
    months.push(new Date(d.getFullYear(), d.getMonth() + k, 1).getTime());
  }
  return months;
}

/** The 12 months before `to` ([from, to)) and the 12 months before those, for predicted CLV. */
export function clvWindows(to: number): { earlierFrom: number; lastFrom: number } {
  return { earlierFrom: addMonths(to, -24), lastFrom: addMonths(to, -12) };
}
