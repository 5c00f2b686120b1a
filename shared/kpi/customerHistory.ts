import { firstAtOrAfter, type KpiColumns } from './kpiColumns';
import type { KpiScope } from './kpiScope';
import { clvWindows } from './kpiTime';

/** Each known customer's in-scope history before the period's end, from one pass. */
export interface CustomerHistory {
  /** Orders before `to`: count, first and last (Infinity / -Infinity without one). */
  orders: Int32Array;
  firstOrderAt: Float64Array;
  lastOrderAt: Float64Array;
  /** Orders + refunds before `to`. */
  revenueMinor: Float64Array;
  /** 1 when they ordered in [to - 24 months, to - 12 months): predicted CLV's churn. */
  orderedEarlier: Uint8Array;
  /** Known customers' orders in the last 12 months before `to`, and their total. */
  lastYearOrders: number;
  lastYearOrderMinor: number;
  lastYearFrom: number;
}

export function customerHistory(columns: KpiColumns, scope: KpiScope, to: number): CustomerHistory {
  const { at, totalMinor, customer } = columns;
  const purchaseIn = scope.purchaseIn;
  const count = columns.customerIds.length;
  const orders = new Int32Array(count);
  const firstOrderAt = new Float64Array(count).fill(Infinity);
  const lastOrderAt = new Float64Array(count).fill(-Infinity);
  const revenueMinor = new Float64Array(count);
  const orderedEarlier = new Uint8Array(count);
  const { earlierFrom, lastFrom } = clvWindows(to);
  let lastYearOrders = 0;
  let lastYearOrderMinor = 0;
  const end = firstAtOrAfter(at, to);
  for (let p = 0; p < end; p++) {
    if (purchaseIn[p] === 0) continue;
    const c = customer[p]!;
    const total = totalMinor[p]!;
    if (c < 0 || total === 0) continue;
    revenueMinor[c]! += total;
    if (total < 0) continue;
    const time = at[p]!;
    // Sorted by time: the first order seen is the first, the last seen the last.
    if (orders[c]!++ === 0) firstOrderAt[c] = time;
    lastOrderAt[c] = time;
    if (time >= lastFrom) {
      lastYearOrders++;
      lastYearOrderMinor += total;
    } else if (time >= earlierFrom) orderedEarlier[c] = 1;
  }
  return {
    orders,
    firstOrderAt,
    lastOrderAt,
    revenueMinor,
    orderedEarlier,
    lastYearOrders,
    lastYearOrderMinor,
    lastYearFrom: lastFrom,
  };
}
