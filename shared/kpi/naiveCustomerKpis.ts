import { DAY_MS, clvWindows } from './kpiTime';
import type {
  KpiData,
  KpiPurchase,
  KpiQuery,
  KpiReport,
  RfmExplanation,
  RfmGroup,
  RfmReason,
  RfmScore,
  Thresholds,
} from './kpiTypes';
import { RFM_GRID, RFM_GROUPS } from './kpiTypes';
import { naiveShop, type NaiveShop } from './naiveShop';

type CustomerPart = Pick<
  KpiReport,
  'inactive' | 'leads' | 'clv' | 'topCustomers' | 'paretoShare' | 'rfm'
>;

const total = (purchases: readonly KpiPurchase[]) =>
  purchases.reduce((sum, p) => sum + p.totalMinor, 0);
const isOrder = (p: KpiPurchase) => p.totalMinor > 0;
const orderedIn = (purchases: readonly KpiPurchase[], from: number, to: number) =>
  purchases.some((p) => isOrder(p) && p.at >= from && p.at < to);

/** The per-customer KPIs, one customer at a time, straight from the definitions. */
export function naiveCustomerKpis(shop: NaiveShop, query: KpiQuery): CustomerPart {
  const { from, to, settings } = query;
  const before = (id: string) => shop.purchasesOf(id).filter((p) => p.at < to);
  const lastOrderAt = (id: string) =>
    Math.max(
      ...before(id)
        .filter(isOrder)
        .map((p) => p.at),
    );
  const buyers = shop.customers.filter((c) => before(c.id).some(isOrder));

  const cutoff = to - settings.inactiveDays * DAY_MS;
  const inactive = buyers.filter((c) => lastOrderAt(c.id) < cutoff).map((c) => c.id);

  const created = shop.customers.filter((c) => c.createdAt >= from && c.createdAt < to);
  const converted = created.filter((c) =>
    shop.purchasesOf(c.id).some((p) => isOrder(p) && p.at >= c.createdAt && p.at < to),
  );

  const { earlierFrom, lastFrom } = clvWindows(to);
  const lastYearOrders = buyers.flatMap((c) =>
    before(c.id).filter((p) => isOrder(p) && p.at >= lastFrom),
  );
  const lastYearBuyers = buyers.filter((c) => orderedIn(before(c.id), lastFrom, to));
  const earlierBuyers = buyers.filter((c) => orderedIn(before(c.id), earlierFrom, lastFrom));
  const churned = earlierBuyers.filter((c) => !orderedIn(before(c.id), lastFrom, to));
  const basket = lastYearOrders.length ? total(lastYearOrders) / lastYearOrders.length : null;
  const perBuyer = lastYearBuyers.length ? lastYearOrders.length / lastYearBuyers.length : null;
  const churn = earlierBuyers.length ? churned.length / earlierBuyers.length : null;
  let lifetime: number | null = null;
  if (churn !== null) lifetime = churn === 0 ? 5 : Math.min(5, 1 / churn);
  const historical = buyers.length
    ? Math.round(buyers.reduce((s, c) => s + total(before(c.id)), 0) / buyers.length)
    : null;

  const periodBuyers = shop.customers
    .map((c) => {
      const mine = shop.purchasesOf(c.id).filter((p) => p.at >= from && p.at < to);
      return { id: c.id, revenueMinor: total(mine), orders: mine.filter(isOrder).length };
    })
    .filter((b) => b.orders > 0)
    .sort((a, b) => b.revenueMinor - a.revenueMinor || (a.id < b.id ? -1 : 1));
  const buyersRevenue = periodBuyers.reduce((s, b) => s + b.revenueMinor, 0);
  const topFifth = periodBuyers.slice(0, Math.ceil((periodBuyers.length * 20) / 100));
  const topFifthRevenue = topFifth.reduce((s, b) => s + b.revenueMinor, 0);

  const groups = Object.fromEntries(
    RFM_GROUPS.map((g) => [g, { count: 0, revenueMinor: 0, ids: [] as string[] }]),
  ) as KpiReport['rfm']['groups'];
  const grid = [1, 2, 3, 4, 5].map(() => [0, 0, 0, 0, 0]);
  for (const c of buyers) {
    const e = naiveExplainOne(c.id, before(c.id), query);
    grid[e.r.score - 1]![e.f.score - 1]!++;
    groups[e.group].count++;
    groups[e.group].revenueMinor += e.revenueMinor;
    groups[e.group].ids.push(c.id);
  }

  return {
    inactive: {
      count: inactive.length,
      rate: buyers.length ? inactive.length / buyers.length : null,
      ids: inactive,
      cutoff,
    },
    leads: {
      created: created.length,
      converted: converted.length,
      rate: created.length ? converted.length / created.length : null,
    },
    clv: {
      buyers: buyers.length,
      historicalMinor: historical,
      averageBasketMinor: basket === null ? null : Math.round(basket),
      ordersPerBuyerPerYear: perBuyer,
      annualChurnRate: churn,
      expectedLifetimeYears: lifetime,
      predictedMinor:
        basket !== null && perBuyer !== null && lifetime !== null
          ? Math.round(basket * perBuyer * lifetime)
          : null,
    },
    topCustomers: periodBuyers.slice(0, 10),
    paretoShare: buyersRevenue > 0 ? topFifthRevenue / buyersRevenue : null,
    rfm: { customers: buyers.length, groups, grid },
  };
}

/** The reference for explainRfm. */
export function naiveExplainRfm(
  data: KpiData,
  query: KpiQuery,
  customerId: string,
): RfmExplanation | null {
  const shop = naiveShop(data, query);
  if (!shop.customers.some((c) => c.id === customerId)) return null;
  const before = shop.purchasesOf(customerId).filter((p) => p.at < query.to);
  return before.some(isOrder) ? naiveExplainOne(customerId, before, query) : null;
}

/** One customer's RFM from their in-scope purchases before the period's end. */
function naiveExplainOne(
  customerId: string,
  before: readonly KpiPurchase[],
  query: KpiQuery,
): RfmExplanation {
  const orders = before.filter(isOrder);
  const lastOrderAt = Math.max(...orders.map((p) => p.at));
  const recencyDays = Math.floor((query.to - lastOrderAt) / DAY_MS);
  const revenueMinor = total(before);
  const { recencyDays: rt, frequencyOrders, monetaryMinor } = query.settings;
  // The first recency threshold not passed gives 5, 4, 3, 2; none gives 1.
  const ri = rt.findIndex((days) => recencyDays <= days);
  const r: RfmReason =
    ri === -1
      ? { score: 1, value: recencyDays, threshold: rt[3], comparison: 'over' }
      : {
          score: (5 - ri) as RfmScore,
          value: recencyDays,
          threshold: rt[ri]!,
          comparison: 'atMost',
        };
  const f = reached(orders.length, frequencyOrders);
  const m = reached(revenueMinor, monetaryMinor);
  const group = RFM_GROUPS.find((g: RfmGroup) => {
    const cell = RFM_GRID[g];
    return (
      cell.r[0] <= r.score && r.score <= cell.r[1] && cell.f[0] <= f.score && f.score <= cell.f[1]
    );
  })!;
  return {
    customerId,
    lastOrderAt,
    recencyDays,
    orders: orders.length,
    revenueMinor,
    r,
    f,
    m,
    group,
  };
}

/** The highest threshold reached: the 4th gives 5, ..., the 1st gives 2, none gives 1. */
function reached(value: number, t: Thresholds): RfmReason {
  const i = [3, 2, 1, 0].find((k) => value >= t[k]!);
  return i === undefined
    ? { score: 1, value, threshold: t[0], comparison: 'under' }
    : { score: (i + 2) as RfmScore, value, threshold: t[i]!, comparison: 'atLeast' };
}
