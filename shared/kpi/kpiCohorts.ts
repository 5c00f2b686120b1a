import { firstAtOrAfter, type KpiColumns } from './kpiColumns';
import type { KpiScope } from './kpiScope';
import type { CustomerHistory } from './customerHistory';
import { cohortMonths } from './kpiTime';
import type { CohortRow } from './kpiTypes';

const MONTHS = 12;

/**
 * Monthly retention as of `to`: customers grouped by the month of their first order, and for
 * each later month the share who ordered in it. One pass over the last 12 months' purchases.
 */
export function kpiCohorts(
  columns: KpiColumns,
  scope: KpiScope,
  history: CustomerHistory,
  to: number,
): CohortRow[] {
  const months = cohortMonths(to);
  const first = months[0]!;
  const last = months[MONTHS]!;
  const count = columns.customerIds.length;
  const cohortOf = new Int8Array(count).fill(-1);
  const size = new Int32Array(MONTHS);
  const { firstOrderAt } = history;
  for (let c = 0; c < count; c++) {
    const time = firstOrderAt[c]!;
    if (scope.customerIn[c] === 0 || time < first || time >= last) continue;
    let m = 0;
    while (time >= months[m + 1]!) m++;
    cohortOf[c] = m;
    size[m]!++;
  }
  // active[cohort * 12 + k]: members who ordered k months after their first month.
  const active = new Int32Array(MONTHS * MONTHS);
  const lastMonth = new Int8Array(count).fill(-1);
  const { at, totalMinor, customer } = columns;
  const purchaseIn = scope.purchaseIn;
  const end = firstAtOrAfter(at, to);
  let m = 0;
  for (let p = firstAtOrAfter(at, first); p < end; p++) {
    if (purchaseIn[p] === 0 || totalMinor[p]! <= 0) continue;
    const c = customer[p]!;
    if (c < 0) continue;
    const cohort = cohortOf[c]!;
    if (cohort < 0) continue;
    const time = at[p]!;
    while (time >= months[m + 1]!) m++;
    if (lastMonth[c] === m) continue;
    lastMonth[c] = m;
    active[cohort * MONTHS + m - cohort]!++;
  }
  const rows: CohortRow[] = [];
  for (let i = 0; i < MONTHS; i++) {
    const n = size[i]!;
    const retention: (number | null)[] = [];
    for (let k = 0; k < MONTHS - i; k++) retention.push(n > 0 ? active[i * MONTHS + k]! / n : null);
    rows.push({ month: months[i]!, size: n, retention });
  }
  return rows;
}
