import { firstAtOrAfter, type KpiColumns } from './kpiColumns';
import type { KpiScope } from './kpiScope';
import type { KpiComparison, PeriodFigures } from './kpiTypes';
import { PERIOD_FIGURES } from './kpiTypes';

/** What each known customer did in the period, for the top customers and the Pareto share. */
export interface PeriodCustomers {
  /** The buyers (customer indices), in the order of their first order in the period. */
  buyers: Int32Array;
  /** Per customer: orders, and revenue (orders + refunds) in the period. */
  orders: Int32Array;
  revenueMinor: Float64Array;
}

/** The period KPIs of [from, to): one pass over the purchases of the period. */
export function periodFigures(
  columns: KpiColumns,
  scope: KpiScope,
  from: number,
  to: number,
): { figures: PeriodFigures; customers: PeriodCustomers } {
  const { at, totalMinor, customer } = columns;
  const purchaseIn = scope.purchaseIn;
  const orders = new Int32Array(columns.customerIds.length);
  const revenueMinor = new Float64Array(columns.customerIds.length);
  const buyers: number[] = [];
  let revenue = 0;
  let orderCount = 0;
  let orderSum = 0;
  let knownOrders = 0;
  let repeaters = 0;
  let refunds = 0;
  let cancelled = 0;
  let unknownOrders = 0;
  const end = from < to ? firstAtOrAfter(at, to) : 0;
  for (let p = from < to ? firstAtOrAfter(at, from) : 0; p < end; p++) {
    if (purchaseIn[p] === 0) continue;
    const total = totalMinor[p]!;
    if (total === 0) {
      cancelled++;
      continue;
    }
    revenue += total;
    const c = customer[p]!;
    if (c >= 0) revenueMinor[c]! += total;
    if (total < 0) {
      refunds += total;
      continue;
    }
    orderCount++;
    orderSum += total;
    if (c < 0) {
      unknownOrders++;
      continue;
    }
    knownOrders++;
    const n = ++orders[c]!;
    if (n === 1) buyers.push(c);
    else if (n === 2) repeaters++;
  }
  const buyerCount = buyers.length;
  return {
    figures: {
      from,
      to,
      revenueMinor: revenue,
      orders: orderCount,
      averageBasketMinor: orderCount > 0 ? Math.round(orderSum / orderCount) : null,
      buyers: buyerCount,
      frequency: buyerCount > 0 ? knownOrders / buyerCount : null,
      repeatRate: buyerCount > 0 ? repeaters / buyerCount : null,
      refundsMinor: refunds,
      cancelled,
      unknownCustomerOrders: unknownOrders,
    },
    customers: { buyers: Int32Array.from(buyers), orders, revenueMinor },
  };
}

/** The comparison of two periods' KPIs: change, and change as a share of |previous|. */
export function comparePeriods(current: PeriodFigures, previous: PeriodFigures): KpiComparison {
  const delta = {} as KpiComparison['delta'];
  const ratio = {} as KpiComparison['ratio'];
  for (const key of PERIOD_FIGURES) {
    const now = current[key];
    const then = previous[key];
    const change = now === null || then === null ? null : now - then;
    delta[key] = change;
    ratio[key] = change === null || then === 0 ? null : change / Math.abs(then!);
  }
  return { previous, delta, ratio };
}
