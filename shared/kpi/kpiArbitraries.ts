import fc from 'fast-check';
import type { CustomerStatus } from '../domain/customer';
import {
  addMonths,
  bucketStart,
  bucketStarts,
  clvWindows,
  cohortMonths,
  comparisonPeriod,
  nextBucketStart,
} from './kpiTime';
import type { KpiData, KpiPurchase, KpiQuery, KpiSettings, Thresholds } from './kpiTypes';
import { DEFAULT_KPI_SETTINGS } from './kpiTypes';

/** TESTS ONLY: random shops and dashboard queries for the property tests of the KPIs. */

/** 2026-06-15 12:00 local: the middle of the random times. */
export const NOW = new Date(2026, 5, 15, 12).getTime();
const DAY = 86_400_000;

export const CUSTOMER_IDS = ['ana', 'bob', 'chloe', 'dan', 'eve', 'farid', 'gus', 'hana'];
/** Ids purchases may carry that no customer has. */
export const UNKNOWN_IDS = ['ghost', 'zoe'];
const CHANNELS = ['Boutique', 'boutique', 'BOUTIQUE', 'Événement', 'evenement', 'Web', ''];
const CITIES = ['Lyon', 'lyon', 'LYON', 'Saint-Étienne', 'saint-etienne', 'Paris', ''];
const STATUSES: CustomerStatus[] = ['lead', 'prospect', 'customer', 'inactive', 'archived'];

/** About 2.5 years back and half a year ahead; half at local midnight, where buckets turn. */
const time = fc.oneof(
  fc.integer({ min: NOW - 900 * DAY, max: NOW + 180 * DAY }),
  fc.integer({ min: -900, max: 180 }).map((d) => new Date(2026, 5, 15 + d).getTime()),
);

/**
 * The times a query turns on: its ends and the comparison's, bucket and cohort starts, the CLV
 * windows, the inactivity cutoff and the recency thresholds, each with a ms either side.
 */
function edgesOf(q: KpiQuery): number[] {
  const { earlierFrom, lastFrom } = clvWindows(q.to);
  const edges = [
    q.from,
    q.to,
    earlierFrom,
    lastFrom,
    q.to - q.settings.inactiveDays * DAY,
    ...(comparisonPeriod(q.from, q.to, q.compare) ?? []),
    ...cohortMonths(q.to),
    ...bucketStarts(q.from, q.to, q.bucket).slice(0, 8),
    // Half a day more: a floored day count and a rounded one differ.
    ...q.settings.recencyDays.flatMap((days) => [q.to - days * DAY, q.to - days * DAY - DAY / 2]),
  ];
  return edges.flatMap((t) => [t, t - 1, t + 1]);
}

/** The calendar span of the period's first bucket. */
function firstBucket(q: KpiQuery): [number, number] {
  const start = bucketStart(q.from, q.bucket);
  return [start, nextBucketStart(start, q.bucket)];
}

/** Random times, and often a time the query turns on (to catch off-by-one mistakes). */
const timeAround = (q: KpiQuery) =>
  fc.oneof(
    { arbitrary: time, weight: 2 },
    { arbitrary: fc.constantFrom(...edgesOf(q)), weight: 2 },
    // The year before the end, densely: cohorts and CLV windows.
    { arbitrary: fc.integer({ min: addMonths(q.to, -13), max: q.to }), weight: 1 },
    { arbitrary: fc.integer({ min: addMonths(q.to, -25), max: q.to }), weight: 1 },
    // The first bucket, before and after `from`: new and returning customers.
    { arbitrary: fc.integer({ min: firstBucket(q)[0], max: firstBucket(q)[1] - 1 }), weight: 2 },
  );

/** Mostly orders, some refunds, a few cancelled (zero) purchases. */
const totalMinor = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 30_000 }), weight: 4 },
  // A few round amounts: customers tie in the top list.
  { arbitrary: fc.constantFrom(1_000, 2_500, 5_000), weight: 2 },
  { arbitrary: fc.integer({ min: -8_000, max: -1 }), weight: 2 },
  { arbitrary: fc.constant(0), weight: 1 },
);

/** Some of the customers (others' purchases are then unknown), purchases in any order. */
const shopAt = (at: fc.Arbitrary<number>): fc.Arbitrary<KpiData> =>
  fc
    .record({
      customers: fc.uniqueArray(
        fc.record({
          id: fc.constantFrom(...CUSTOMER_IDS),
          createdAt: at,
          city: fc.constantFrom(...CITIES),
          status: fc.constantFrom(...STATUSES),
        }),
        { selector: (c) => c.id, maxLength: CUSTOMER_IDS.length, size: 'max' },
      ),
      purchases: fc.array(
        fc.record({
          customerId: fc.constantFrom(...CUSTOMER_IDS, ...UNKNOWN_IDS),
          at,
          totalMinor,
          channel: fc.constantFrom(...CHANNELS),
          // Now and then exactly when its customer was created (lead conversion's edge).
          atCreation: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        }),
        { maxLength: 60, size: 'max' },
      ),
    })
    .map(({ customers, purchases }) => ({
      customers,
      purchases: purchases.map(({ atCreation, ...p }): KpiPurchase => {
        const created = customers.find((c) => c.id === p.customerId)?.createdAt;
        return atCreation && created !== undefined ? { ...p, at: created } : p;
      }),
    }));

/** A shop with times anywhere in the three years. */
export const shop: fc.Arbitrary<KpiData> = shopAt(time);

const ascending = (min: number, max: number): fc.Arbitrary<Thresholds> =>
  fc
    .uniqueArray(fc.integer({ min, max }), { minLength: 4, maxLength: 4 })
    .map((t) => t.sort((a, b) => a - b) as Thresholds);

/** The defaults, or thresholds small enough for a few purchases to reach every score. */
export const settings: fc.Arbitrary<KpiSettings> = fc.oneof(
  fc.constant(DEFAULT_KPI_SETTINGS),
  fc.record({
    inactiveDays: fc.integer({ min: 1, max: 400 }),
    recencyDays: ascending(0, 500),
    frequencyOrders: ascending(1, 8),
    monetaryMinor: ascending(0, 60_000),
  }),
);

/** Days for a period: short for days (few buckets), up to three years for months. */
const LONGEST = { day: 60, week: 400, month: 1100 } as const;

export const query: fc.Arbitrary<KpiQuery> = fc
  .constantFrom('day' as const, 'week' as const, 'month' as const)
  .chain((bucket) =>
    fc.record({
      from: time,
      days: fc.integer({ min: 0, max: LONGEST[bucket] }),
      // Sometimes a whole number of days, sometimes any ms.
      extra: fc.oneof(fc.constant(0), fc.integer({ min: -DAY + 1, max: DAY - 1 })),
      bucket: fc.constant(bucket),
      compare: fc.constantFrom('previous' as const, 'lastYear' as const, null),
      members: fc.option(
        fc
          .uniqueArray(fc.constantFrom(...CUSTOMER_IDS, ...UNKNOWN_IDS), { maxLength: 6 })
          .map((ids) => new Set(ids) as ReadonlySet<string>),
        { nil: null },
      ),
      channel: fc.option(fc.constantFrom(...CHANNELS, 'Marché'), { nil: null }),
      city: fc.option(fc.constantFrom(...CITIES, 'Nantes'), { nil: null }),
      settings,
    }),
  )
  .map(({ days, extra, from, ...rest }) => ({
    ...rest,
    from,
    to: Math.max(from, from + days * DAY + extra),
  }));

/** A query and a shop whose times often fall on the query's edges. */
export const scenario: fc.Arbitrary<{ data: KpiData; query: KpiQuery }> = query.chain((q) =>
  fc
    .oneof(
      shopAt(timeAround(q)),
      // Everything in the first bucket: customers new in it, some before `from`.
      shopAt(fc.integer({ min: firstBucket(q)[0], max: firstBucket(q)[1] - 1 })),
    )
    .map((data) => ({ data, query: q })),
);
