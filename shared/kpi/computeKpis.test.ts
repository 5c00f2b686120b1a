import { describe, expect, it } from 'vitest';
import { computeKpis } from './computeKpis';
import { explainRfm } from './explainRfm';
import { bucketStart, bucketStarts, comparisonPeriod } from './kpiTime';
import type { KpiCustomer, KpiData, KpiPurchase, KpiQuery, KpiSettings } from './kpiTypes';
import { DEFAULT_KPI_SETTINGS, RFM_GRID, RFM_GROUPS, kpiSettingsSchema } from './kpiTypes';
import { naiveExplainRfm } from './naiveCustomerKpis';
import { naiveKpis } from './naiveKpis';

/** 10:00 local on a calendar day. */
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d, 10).getTime();
const midnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

const customer = (id: string, createdAt: number, city: string): KpiCustomer => ({
  id,
  createdAt,
  city,
  status: 'customer',
});
const buy = (customerId: string, at: number, totalMinor: number, channel: string) =>
  ({ customerId, at, totalMinor, channel }) satisfies KpiPurchase;

/** Six customers and a stranger (zoe); the answers for May 2026 are worked out below. */
const SHOP: KpiData = {
  customers: [
    customer('ana', day(2024, 3, 10), 'Lyon'),
    customer('bob', day(2025, 6, 20), 'lyon'),
    customer('chloe', day(2026, 5, 3), 'Paris'),
    customer('dan', day(2026, 5, 10), 'Lyon'),
    customer('eve', day(2025, 1, 15), 'Saint-Étienne'),
    customer('farid', day(2026, 5, 20), 'Paris'),
  ],
  // Not in time order, as a store might hand them out.
  purchases: [
    buy('ana', day(2026, 5, 4), 30_000, 'Boutique'),
    buy('ana', day(2024, 3, 12), 20_000, 'Boutique'),
    buy('ana', day(2025, 4, 10), 10_000, 'Web'),
    buy('ana', day(2025, 11, 2), 15_000, 'boutique'),
    buy('ana', day(2026, 5, 20), 12_000, 'Web'),
    buy('ana', day(2026, 5, 22), -2_000, 'Boutique'),
    buy('bob', day(2025, 6, 25), 8_000, 'Boutique'),
    buy('bob', day(2026, 4, 28), 3_000, 'Web'),
    buy('bob', day(2026, 5, 12), 6_000, 'Boutique'),
    buy('chloe', day(2026, 5, 5), 25_000, 'Événement'),
    buy('chloe', day(2026, 5, 6), 0, 'evenement'),
    buy('dan', day(2026, 5, 25), -1_500, 'Boutique'),
    buy('eve', day(2025, 2, 1), 9_000, 'Boutique'),
    buy('eve', day(2025, 3, 15), 4_000, 'Web'),
    buy('farid', day(2026, 6, 3), 5_000, 'Boutique'),
    buy('zoe', day(2026, 5, 15), 7_000, 'Web'),
  ],
};

const MAY: KpiQuery = {
  from: midnight(2026, 5, 1),
  to: midnight(2026, 6, 1),
  compare: 'previous',
  bucket: 'month',
  members: null,
  channel: null,
  city: null,
  settings: DEFAULT_KPI_SETTINGS,
};

/** Both implementations, which must agree; the fast one is returned. */
const kpis = (query: Partial<KpiQuery>, data = SHOP) => {
  const q = { ...MAY, ...query };
  const fast = computeKpis(data, q);
  expect(fast).toEqual(naiveKpis(data, q));
  return fast;
};

describe('the KPIs of a small shop in May 2026, worked out by hand', () => {
  const report = kpis({});

  it('period figures', () => {
    // In May: ana 30000 + 12000 - 2000, bob 6000, chloe 25000 + 0, dan -1500, zoe 7000.
    expect(report.period).toEqual({
      from: MAY.from,
      to: MAY.to,
      revenueMinor: 76_500, // 30000 + 12000 - 2000 + 6000 + 25000 - 1500 + 7000
      orders: 5, // ana ×2, bob, chloe, zoe (refunds and the zero are not orders)
      averageBasketMinor: 16_000, // (30000 + 12000 + 6000 + 25000 + 7000) / 5
      buyers: 3, // ana, bob, chloe (zoe is unknown, dan only had a refund)
      frequency: 4 / 3, // known customers' orders / buyers
      repeatRate: 1 / 3, // ana alone ordered twice
      refundsMinor: -3_500, // -2000 - 1500
      cancelled: 1, // chloe's 0
      unknownCustomerOrders: 1, // zoe
    });
  });

  it('compared with the 31 days before', () => {
    // [31 March, 1 May): bob's 3000 on 28 April only.
    const c = report.comparison!;
    expect(c.previous).toMatchObject({ revenueMinor: 3_000, orders: 1, buyers: 1, repeatRate: 0 });
    expect(c.delta.revenueMinor).toBe(73_500); // 76500 - 3000
    expect(c.ratio.revenueMinor).toBe(24.5); // 73500 / 3000
    expect(c.delta.averageBasketMinor).toBe(13_000); // 16000 - 3000
    expect(c.ratio.orders).toBe(4); // (5 - 1) / 1
    expect(c.delta.repeatRate).toBeCloseTo(1 / 3); // 1/3 - 0
    expect(c.ratio.repeatRate).toBeNull(); // previous is 0
    expect(c.ratio.refundsMinor).toBeNull();
  });

  it('one month bucket: chloe is new, ana and bob come back', () => {
    expect(report.series).toEqual([
      {
        start: MAY.from,
        revenueMinor: 76_500,
        orders: 5,
        newCustomers: 1,
        returningCustomers: 2,
      },
    ]);
  });

  it('week buckets start on Monday; the first is cut to the period', () => {
    // 1 May 2026 is a Friday: its week started Monday 27 April.
    const weeks = kpis({ bucket: 'week' }).series;
    expect(weeks.map((w) => new Date(w.start).getDate())).toEqual([27, 4, 11, 18, 25]);
    expect(
      weeks.map((w) => [w.revenueMinor, w.orders, w.newCustomers, w.returningCustomers]),
    ).toEqual([
      [0, 0, 0, 0], // 1–3 May: nothing
      [55_000, 2, 1, 1], // ana 30000 (returning), chloe 25000 (new) and her 0
      [13_000, 2, 0, 1], // bob 6000 (returning), zoe 7000 (unknown: not a buyer)
      [10_000, 1, 0, 1], // ana 12000 - 2000
      [-1_500, 0, 0, 0], // dan's refund alone
    ]);
  });

  it('retention cohorts, June 2025 to May 2026', () => {
    // First orders: bob June 2025, chloe May 2026; ana and eve before the window, farid after.
    const sizes = report.cohorts.map((c) => c.size);
    expect(sizes).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(report.cohorts[0]!.month).toBe(midnight(2025, 6, 1));
    // bob ordered in June 2025 (k = 0), April 2026 (k = 10) and May 2026 (k = 11).
    expect(report.cohorts[0]!.retention).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(report.cohorts[1]!.retention).toEqual(Array(11).fill(null));
    expect(report.cohorts[11]!.retention).toEqual([1]);
  });

  it('inactive customers and lead conversion', () => {
    // Buyers before 1 June: ana, bob, chloe, eve; eve's last order (15 March 2025) is > 180 days.
    expect(report.inactive).toMatchObject({ count: 1, rate: 0.25, ids: ['eve'] });
    // Created in May: chloe (ordered 5 May), dan (a refund only), farid (ordered 3 June: too late).
    expect(report.leads).toEqual({ created: 3, converted: 1, rate: 1 / 3 });
  });

  it('customer lifetime value', () => {
    expect(report.clv).toEqual({
      buyers: 4,
      // ana 85000 (20000+10000+15000+30000+12000-2000), bob 17000, chloe 25000, eve 13000.
      historicalMinor: 35_000, // 140000 / 4
      // Since 1 June 2025: ana 15000, 30000, 12000; bob 8000, 3000, 6000; chloe 25000.
      averageBasketMinor: 14_143, // 99000 / 7 = 14142.86
      ordersPerBuyerPerYear: 7 / 3,
      // Ordered June 2024 – May 2025: ana and eve; eve did not come back.
      annualChurnRate: 0.5,
      expectedLifetimeYears: 2, // 1 / 0.5
      predictedMinor: 66_000, // 99000/7 × 7/3 × 2
    });
  });

  it('top customers and Pareto share', () => {
    expect(report.topCustomers).toEqual([
      { id: 'ana', revenueMinor: 40_000, orders: 2 }, // 30000 + 12000 - 2000
      { id: 'chloe', revenueMinor: 25_000, orders: 1 },
      { id: 'bob', revenueMinor: 6_000, orders: 1 },
    ]);
    // Top ceil(3 × 20%) = 1 buyer: 40000 / (40000 + 25000 + 6000).
    expect(report.paretoShare).toBe(40_000 / 71_000);
  });

  it('RFM as of 1 June 2026', () => {
    // ana: 11 days, 5 orders, 85000 → R5 F4; bob: 19 days, 3 orders → R5 F3;
    // chloe: 26 days, 1 order → R5 F1; eve: 442 days, 2 orders → R1 F2.
    const { groups, grid, customers } = report.rfm;
    expect(customers).toBe(4);
    expect(groups.champions).toEqual({ count: 1, revenueMinor: 85_000, ids: ['ana'] });
    expect(groups.potentialLoyalists).toEqual({ count: 1, revenueMinor: 17_000, ids: ['bob'] });
    expect(groups.newCustomers).toEqual({ count: 1, revenueMinor: 25_000, ids: ['chloe'] });
    expect(groups.lost).toEqual({ count: 1, revenueMinor: 13_000, ids: ['eve'] });
    expect(groups.loyal.count + groups.atRisk.count + groups.hibernating.count).toBe(0);
    expect(grid).toEqual([
      [0, 1, 0, 0, 0], // R1: eve F2
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [1, 0, 1, 1, 0], // R5: chloe F1, bob F3, ana F4
    ]);
  });

  it('explains a customer’s RFM', () => {
    const why = explainRfm(SHOP, MAY, 'bob');
    expect(why).toEqual({
      customerId: 'bob',
      lastOrderAt: day(2026, 5, 12),
      recencyDays: 19, // 1 June 00:00 - 12 May 10:00 = 19.6 days
      orders: 3,
      revenueMinor: 17_000, // 8000 + 3000 + 6000
      r: { score: 5, value: 19, threshold: 30, comparison: 'atMost' },
      f: { score: 3, value: 3, threshold: 3, comparison: 'atLeast' },
      m: { score: 3, value: 17_000, threshold: 15_000, comparison: 'atLeast' },
      group: 'potentialLoyalists',
    });
    expect(naiveExplainRfm(SHOP, MAY, 'bob')).toEqual(why);
    expect(explainRfm(SHOP, MAY, 'eve')!.r).toEqual({
      score: 1,
      value: 442,
      threshold: 365,
      comparison: 'over',
    });
    // A refund only, an order only after the end, a stranger: nothing to explain.
    for (const id of ['dan', 'farid', 'zoe']) expect(explainRfm(SHOP, MAY, id)).toBeNull();
  });
});

describe('filters', () => {
  it('channel: case and accents ignored', () => {
    // Boutique in May: ana 30000 and -2000, bob 6000, dan -1500.
    expect(kpis({ channel: 'BOUTIQUE' }).period).toMatchObject({
      revenueMinor: 32_500,
      orders: 2,
      buyers: 2,
      refundsMinor: -3_500,
      unknownCustomerOrders: 0,
    });
    expect(kpis({ channel: 'evenement' }).period).toMatchObject({
      revenueMinor: 25_000,
      orders: 1,
      cancelled: 1,
    });
    expect(kpis({ channel: 'Marché' }).period.revenueMinor).toBe(0);
  });

  it('city: the stranger cannot match', () => {
    // Lyon, any case: ana, bob, dan.
    const lyon = kpis({ city: 'LYON' });
    expect(lyon.period).toMatchObject({
      revenueMinor: 44_500,
      orders: 3,
      unknownCustomerOrders: 0,
    });
    expect(lyon.rfm.customers).toBe(2);
    expect(kpis({ city: 'saint-etienne' }).inactive).toMatchObject({ count: 1, rate: 1 });
  });

  it('segment members: an unknown id in the segment does not bring its orders', () => {
    const some = kpis({ members: new Set(['bob', 'chloe', 'zoe']) });
    // bob 6000, chloe 25000 and her 0.
    expect(some.period).toMatchObject({
      revenueMinor: 31_000,
      orders: 2,
      cancelled: 1,
      unknownCustomerOrders: 0,
    });
    expect(some.topCustomers.map((t) => t.id)).toEqual(['chloe', 'bob']);
  });
});

describe('refunds, cancelled purchases and strangers', () => {
  const data: KpiData = {
    customers: [customer('ana', 0, 'Lyon')],
    purchases: [
      buy('ana', day(2026, 5, 2), -4_000, 'Web'),
      buy('ana', day(2026, 5, 3), 0, 'Web'),
      buy('ghost', day(2026, 5, 4), 2_500, 'Web'),
    ],
  };
  const report = kpis({}, data);

  it('a refund lowers revenue but is not an order, and a refund alone makes no buyer', () => {
    expect(report.period).toMatchObject({
      revenueMinor: -1_500, // -4000 + 2500
      orders: 1,
      averageBasketMinor: 2_500,
      buyers: 0,
      frequency: null,
      repeatRate: null,
      refundsMinor: -4_000,
      cancelled: 1,
      unknownCustomerOrders: 1,
    });
    expect(report.rfm.customers).toBe(0);
    expect(report.clv.historicalMinor).toBeNull();
    expect(report.paretoShare).toBeNull();
    expect(report.topCustomers).toEqual([]);
  });

  it('a purchase without a valid time counts nowhere', () => {
    const broken = { ...data, purchases: [...data.purchases, buy('ana', NaN, 9_999, 'Web')] };
    expect(kpis({}, broken)).toEqual(report);
    expect(explainRfm(broken, MAY, 'ana')).toBeNull();
  });
});

describe('predicted CLV', () => {
  // Six customers ordered between June 2024 and May 2025; `stay` of them again since June 2025.
  const data = (stay: number): KpiData => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    return {
      customers: ids.map((id) => customer(id, 0, '')),
      purchases: ids.flatMap((id, i) => [
        buy(id, day(2024, 9, 1), 1_000, ''),
        ...(i < stay ? [buy(id, day(2026, 1, 10), 2_000, '')] : []),
      ]),
    };
  };

  it('caps the expected lifetime at 5 years', () => {
    // 1 of 6 left: churn 1/6, 1 / churn = 6 years, capped to 5.
    expect(kpis({}, data(5)).clv).toMatchObject({
      annualChurnRate: 1 / 6,
      expectedLifetimeYears: 5,
      averageBasketMinor: 2_000,
      ordersPerBuyerPerYear: 1,
      predictedMinor: 10_000, // 2000 × 1 × 5
    });
    // Nobody left: 5 years too.
    expect(kpis({}, data(6)).clv).toMatchObject({ annualChurnRate: 0, expectedLifetimeYears: 5 });
    // Nobody came back: churn 1, one year, but no basket in the last 12 months.
    expect(kpis({}, data(0)).clv).toMatchObject({
      annualChurnRate: 1,
      expectedLifetimeYears: 1,
      predictedMinor: null,
    });
  });
});

describe('calendar', () => {
  it('last year across a leap day: setFullYear turns 29 February into 1 March', () => {
    expect(comparisonPeriod(midnight(2024, 2, 29), midnight(2024, 3, 2), 'lastYear')).toEqual([
      midnight(2023, 3, 1),
      midnight(2023, 3, 2),
    ]);
    const data: KpiData = {
      customers: [customer('ana', 0, '')],
      purchases: [
        buy('ana', day(2024, 2, 29), 5_000, ''),
        buy('ana', day(2024, 3, 1), 7_000, ''),
        buy('ana', day(2025, 2, 28), 1_000, ''),
      ],
    };
    // February 2025 against February 2024, whose 29th counts.
    const feb = kpis(
      { from: midnight(2025, 2, 1), to: midnight(2025, 3, 1), compare: 'lastYear' },
      data,
    );
    expect(feb.comparison!.previous).toMatchObject({
      from: midnight(2024, 2, 1),
      to: midnight(2024, 3, 1),
      revenueMinor: 5_000,
    });
    expect(feb.comparison!.delta.revenueMinor).toBe(-4_000);
    expect(feb.comparison!.ratio.revenueMinor).toBe(-0.8);
  });

  it('weeks start on Monday', () => {
    // Sunday 3 May 2026 belongs to the week of Monday 27 April; Monday 4 May starts its own.
    expect(bucketStart(day(2026, 5, 3), 'week')).toBe(midnight(2026, 4, 27));
    expect(bucketStart(midnight(2026, 5, 4), 'week')).toBe(midnight(2026, 5, 4));
    expect(bucketStarts(midnight(2026, 5, 3), midnight(2026, 5, 12), 'week')).toEqual([
      midnight(2026, 4, 27),
      midnight(2026, 5, 4),
      midnight(2026, 5, 11),
    ]);
    expect(bucketStarts(MAY.to, MAY.from, 'day')).toEqual([]);
  });
});

describe('RFM groups and settings', () => {
  it('every (R, F) pair is in exactly one group, and every group is used', () => {
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const groups = RFM_GROUPS.filter((g) => {
          const cell = RFM_GRID[g];
          return cell.r[0] <= r && r <= cell.r[1] && cell.f[0] <= f && f <= cell.f[1];
        });
        expect(groups, `R${r} F${f}`).toHaveLength(1);
        used.add(groups[0]!);
      }
    }
    expect(used.size).toBe(RFM_GROUPS.length);
  });

  it('the settings schema takes the defaults and refuses thresholds out of order or range', () => {
    // The schema's output is the settings type itself.
    const parsed: KpiSettings = kpiSettingsSchema.parse(DEFAULT_KPI_SETTINGS);
    expect(parsed).toEqual(DEFAULT_KPI_SETTINGS);
    const bad = (patch: object) =>
      kpiSettingsSchema.safeParse({ ...DEFAULT_KPI_SETTINGS, ...patch }).success;
    expect(bad({ recencyDays: [30, 90, 90, 365] })).toBe(false);
    expect(bad({ frequencyOrders: [5, 3, 2, 10] })).toBe(false);
    expect(bad({ monetaryMinor: [-1, 10, 20, 30] })).toBe(false);
    expect(bad({ inactiveDays: 0 })).toBe(false);
    expect(bad({ inactiveDays: 1.5 })).toBe(false);
  });
});
