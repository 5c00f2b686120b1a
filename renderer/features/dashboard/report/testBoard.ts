import type { KpiDashboard } from '../../../../shared/contract/kpi';
import { RFM_GROUPS, type PeriodFigure, type PeriodFigures } from '../../../../shared/kpi/kpiTypes';

/** Local midnight of a day, as the dashboard's periods are. */
export const day = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

const figures = (from: number, to: number, revenueMinor: number): PeriodFigures => ({
  from,
  to,
  revenueMinor,
  orders: 42,
  averageBasketMinor: Math.round(revenueMinor / 42),
  buyers: 30,
  frequency: 1.4,
  repeatRate: 0.25,
  refundsMinor: -4500,
  cancelled: 1,
  unknownCustomerOrders: 2,
});

/**
 * A small hand-made dashboard for November 2026 against October: three buckets, two cohorts,
 * three top customers (one with a name that is markup), a few RFM counts.
 */
export function testBoard(): KpiDashboard {
  const period = figures(day(2026, 11, 1), day(2026, 12, 1), 123456789);
  const previous = figures(day(2026, 10, 1), day(2026, 11, 1), 100000000);
  const keys = Object.keys(period).filter((k) => k !== 'from' && k !== 'to') as PeriodFigure[];
  const delta = Object.fromEntries(
    keys.map((k) => [k, (period[k] ?? 0) - (previous[k] ?? 0)]),
  ) as Record<PeriodFigure, number>;
  const ratio = Object.fromEntries(
    keys.map((k) => [k, previous[k] ? delta[k] / Math.abs(previous[k]!) : null]),
  ) as Record<PeriodFigure, number | null>;
  const groups = Object.fromEntries(
    RFM_GROUPS.map((g, i) => [g, { count: i + 1, revenueMinor: (i + 1) * 10050 }]),
  ) as KpiDashboard['rfm']['groups'];
  return {
    period,
    comparison: { previous, delta, ratio },
    series: [
      {
        start: day(2026, 11, 1),
        revenueMinor: 50000000,
        orders: 20,
        newCustomers: 5,
        returningCustomers: 10,
      },
      {
        start: day(2026, 11, 11),
        revenueMinor: 40000000,
        orders: 12,
        newCustomers: 3,
        returningCustomers: 8,
      },
      {
        start: day(2026, 11, 21),
        revenueMinor: 33456789,
        orders: 10,
        newCustomers: 1,
        returningCustomers: 6,
      },
    ],
    cohorts: [
      { month: day(2026, 10, 1), size: 12, retention: [1, 0.5] },
      { month: day(2026, 11, 1), size: 0, retention: [null] },
    ],
    inactive: { count: 17, rate: 0.17, cutoff: day(2026, 6, 3) },
    leads: { created: 25, converted: 5, rate: 0.2 },
    clv: {
      buyers: 100,
      historicalMinor: 45678,
      averageBasketMinor: 2939,
      ordersPerBuyerPerYear: 3.2,
      annualChurnRate: 0.3,
      expectedLifetimeYears: 3.33,
      predictedMinor: 31337,
    },
    topCustomers: [
      { id: 'c1', name: '<img src=x onerror=alert(1)>', revenueMinor: 1234567, orders: 7 },
      { id: 'c2', name: 'Éloïse & Fils "Vélos"', revenueMinor: 99900, orders: 3 },
      { id: 'c3', name: 'Zoé Martin', revenueMinor: 5000, orders: 1 },
    ],
    paretoShare: 0.6,
    rfm: {
      customers: 66,
      groups,
      grid: [
        [1, 2, 3, 4, 5],
        [6, 7, 8, 9, 10],
        [11, 12, 13, 14, 15],
        [16, 17, 18, 19, 20],
        [21, 22, 23, 24, 1234],
      ],
    },
    channels: ['Shop', 'Website'],
  };
}
