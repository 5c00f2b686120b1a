import type { CustomerHistory } from './customerHistory';
import type { KpiColumns } from './kpiColumns';
import type { KpiScope } from './kpiScope';
import { DAY_MS } from './kpiTime';
import { RFM_GROUPS } from './kpiTypes';
import type { KpiQuery, KpiReport, RfmGroup, RfmGroupFigures } from './kpiTypes';
import { RFM_GROUP_AT, amountScore, recencyScore } from './rfmScores';

/** Inactive customers, lead conversion, CLV and RFM: one pass over the customers. */
export function customerKpis(
  columns: KpiColumns,
  scope: KpiScope,
  history: CustomerHistory,
  query: KpiQuery,
): Pick<KpiReport, 'inactive' | 'leads' | 'clv' | 'rfm'> {
  const { from, to, settings } = query;
  const { customerIds, createdAt } = columns;
  const { orders, lastOrderAt, revenueMinor, orderedEarlier, lastYearFrom } = history;
  const customerIn = scope.customerIn;
  const cutoff = to - settings.inactiveDays * DAY_MS;
  const inactive: string[] = [];
  const groups = RFM_GROUPS.map((): RfmGroupFigures => ({ count: 0, revenueMinor: 0, ids: [] }));
  const grid = new Int32Array(25);
  let created = 0;
  let converted = 0;
  let buyers = 0;
  let spent = 0;
  let lastYearBuyers = 0;
  let earlier = 0;
  let stayed = 0;
  for (let c = 0; c < customerIds.length; c++) {
    if (customerIn[c] === 0) continue;
    const last = lastOrderAt[c]!;
    const since = createdAt[c]!;
    if (since >= from && since < to) {
      created++;
      if (last >= since) converted++;
    }
    const n = orders[c]!;
    if (n === 0) continue;
    buyers++;
    spent += revenueMinor[c]!;
    if (last < cutoff) inactive.push(customerIds[c]!);
    if (last >= lastYearFrom) lastYearBuyers++;
    if (orderedEarlier[c] === 1) {
      earlier++;
      if (last >= lastYearFrom) stayed++;
    }
    const cell =
      (recencyScore(Math.floor((to - last) / DAY_MS), settings.recencyDays) - 1) * 5 +
      amountScore(n, settings.frequencyOrders) -
      1;
    grid[cell]!++;
    const group = groups[RFM_GROUP_AT[cell]!]!;
    group.count++;
    group.revenueMinor += revenueMinor[c]!;
    group.ids.push(customerIds[c]!);
  }
  const basket =
    history.lastYearOrders > 0 ? history.lastYearOrderMinor / history.lastYearOrders : null;
  const perBuyer = lastYearBuyers > 0 ? history.lastYearOrders / lastYearBuyers : null;
  const churn = earlier > 0 ? (earlier - stayed) / earlier : null;
  // Nobody left: the lifetime is the cap, not infinite.
  const lifetime = churn === null ? null : churn === 0 ? 5 : Math.min(5, 1 / churn);
  return {
    inactive: {
      count: inactive.length,
      rate: buyers > 0 ? inactive.length / buyers : null,
      ids: inactive,
      cutoff,
    },
    leads: { created, converted, rate: created > 0 ? converted / created : null },
    clv: {
      buyers,
      historicalMinor: buyers > 0 ? Math.round(spent / buyers) : null,
      averageBasketMinor: basket === null ? null : Math.round(basket),
      ordersPerBuyerPerYear: perBuyer,
      annualChurnRate: churn,
      expectedLifetimeYears: lifetime,
      predictedMinor:
        basket === null || perBuyer === null || lifetime === null
          ? null
          : Math.round(basket * perBuyer * lifetime),
    },
    rfm: {
      customers: buyers,
      groups: Object.fromEntries(RFM_GROUPS.map((g, i) => [g, groups[i]!])) as Record<
        RfmGroup,
        RfmGroupFigures
      >,
      grid: [0, 1, 2, 3, 4].map((r) => Array.from(grid.subarray(r * 5, r * 5 + 5))),
    },
  };
}
