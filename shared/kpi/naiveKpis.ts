import { bucketStarts, cohortMonths, comparisonPeriod, nextBucketStart } from './kpiTime';
import type {
  CohortRow,
  KpiComparison,
  KpiData,
  KpiPurchase,
  KpiQuery,
  KpiReport,
  PeriodFigures,
  SeriesPoint,
} from './kpiTypes';
import { PERIOD_FIGURES } from './kpiTypes';
import { naiveCustomerKpis } from './naiveCustomerKpis';
import { naiveShop, type NaiveShop } from './naiveShop';

/**
 * The reference: every KPI read word for word from its definition, with objects, filters and
 * per-customer loops, sharing nothing with computeKpis but the calendar helpers. The property
 * tests hold computeKpis to it, and the bench uses it as the baseline.
 */
export function naiveKpis(data: KpiData, query: KpiQuery): KpiReport {
  const shop = naiveShop(data, query);
  const { from, to } = query;
  const current = naivePeriod(shop, from, to);
  const compared = comparisonPeriod(from, to, query.compare);
  return {
    period: current,
    comparison: compared ? naiveCompare(current, naivePeriod(shop, ...compared)) : null,
    series: naiveSeries(shop, query),
    cohorts: naiveCohorts(shop, to),
    ...naiveCustomerKpis(shop, query),
  };
}

const sum = (purchases: readonly KpiPurchase[]) =>
  purchases.reduce((total, p) => total + p.totalMinor, 0);
const within = (purchases: readonly KpiPurchase[], from: number, to: number) =>
  purchases.filter((p) => p.at >= from && p.at < to);

function naivePeriod(shop: NaiveShop, from: number, to: number): PeriodFigures {
  const purchases = within(shop.purchases, from, to);
  const orders = purchases.filter((p) => p.totalMinor > 0);
  const refunds = purchases.filter((p) => p.totalMinor < 0);
  const knownOrders = orders.filter((p) => shop.isKnown(p.customerId));
  const ordersByBuyer = new Map<string, number>();
  for (const order of knownOrders) {
    ordersByBuyer.set(order.customerId, (ordersByBuyer.get(order.customerId) ?? 0) + 1);
  }
  const buyers = ordersByBuyer.size;
  const repeaters = [...ordersByBuyer.values()].filter((n) => n >= 2).length;
  return {
    from,
    to,
    revenueMinor: sum(purchases),
    orders: orders.length,
    averageBasketMinor: orders.length === 0 ? null : Math.round(sum(orders) / orders.length),
    buyers,
    frequency: buyers === 0 ? null : knownOrders.length / buyers,
    repeatRate: buyers === 0 ? null : repeaters / buyers,
    refundsMinor: sum(refunds),
    cancelled: purchases.filter((p) => p.totalMinor === 0).length,
    unknownCustomerOrders: orders.length - knownOrders.length,
  };
}

function naiveCompare(current: PeriodFigures, previous: PeriodFigures): KpiComparison {
  const delta = {} as KpiComparison['delta'];
  const ratio = {} as KpiComparison['ratio'];
  for (const key of PERIOD_FIGURES) {
    const now = current[key];
    const then = previous[key];
    delta[key] = now !== null && then !== null ? now - then : null;
    ratio[key] = now !== null && then !== null && then !== 0 ? (now - then) / Math.abs(then) : null;
  }
  return { previous, delta, ratio };
}

/** The first order ever of a customer, in scope; null without one. */
function firstOrderAt(shop: NaiveShop, customerId: string): number | null {
  const times = shop
    .purchasesOf(customerId)
    .filter((p) => p.totalMinor > 0)
    .map((p) => p.at);
  return times.length === 0 ? null : times.reduce((a, b) => Math.min(a, b));
}

function naiveSeries(shop: NaiveShop, query: KpiQuery): SeriesPoint[] {
  return bucketStarts(query.from, query.to, query.bucket).map((start) => {
    const from = Math.max(start, query.from);
    const to = Math.min(nextBucketStart(start, query.bucket), query.to);
    const purchases = within(shop.purchases, from, to);
    const orders = purchases.filter((p) => p.totalMinor > 0);
    const buyers = new Set(
      orders.filter((p) => shop.isKnown(p.customerId)).map((p) => p.customerId),
    );
    const fresh = [...buyers].filter((id) => {
      const first = firstOrderAt(shop, id)!;
      return first >= from && first < to;
    }).length;
    return {
      start,
      revenueMinor: sum(purchases),
      orders: orders.length,
      newCustomers: fresh,
      returningCustomers: buyers.size - fresh,
    };
  });
}

function naiveCohorts(shop: NaiveShop, to: number): CohortRow[] {
  const months = cohortMonths(to);
  const ordersBefore = (id: string) =>
    shop.purchasesOf(id).filter((p) => p.totalMinor > 0 && p.at < to);
  return months.slice(0, 12).map((month, i) => {
    const next = months[i + 1]!;
    const members = shop.customers.filter((c) => {
      const times = ordersBefore(c.id).map((p) => p.at);
      if (times.length === 0) return false;
      const first = Math.min(...times);
      return first >= month && first < next;
    });
    const retention: (number | null)[] = [];
    for (let k = 0; i + k < 12; k++) {
      const start = months[i + k]!;
      const end = months[i + k + 1]!;
      const active = members.filter((c) =>
        ordersBefore(c.id).some((p) => p.at >= start && p.at < end),
      );
      retention.push(members.length === 0 ? null : active.length / members.length);
    }
    return { month, size: members.length, retention };
  });
}
