import { z } from 'zod';
import type { CustomerStatus } from '../domain/customer';
import type { RfmGroup } from './rfmGroups';

/** A purchase as the dashboard sees it; money in minor units (cents). */
export interface KpiPurchase {
  customerId: string;
  at: number;
  /** > 0 an order, < 0 a refund, 0 a cancelled (void) purchase. */
  totalMinor: number;
  channel: string;
}

export interface KpiCustomer {
  id: string;
  createdAt: number;
  city: string;
  status: CustomerStatus;
}

/**
 * Purchases as the store keeps them, as columns: texts (customer ids, channels) are indexes
 * in `texts`. The same object until something is written, like the arrays.
 */
export interface KpiPurchaseColumns {
  count: number;
  at: ArrayLike<number>;
  totalMinor: ArrayLike<number>;
  channel: ArrayLike<number>;
  customer: ArrayLike<number>;
  texts: readonly string[];
}

/** Customer ids are unique; the store hands out the same arrays until something is written. */
export interface KpiData {
  purchases: readonly KpiPurchase[];
  customers: readonly KpiCustomer[];
}

/** What computeKpis reads: purchases as a list, or as the store keeps them. */
export interface KpiInput {
  purchases: readonly KpiPurchase[] | KpiPurchaseColumns;
  customers: readonly KpiCustomer[];
}

export type KpiBucket = 'day' | 'week' | 'month';
export type KpiCompare = 'previous' | 'lastYear';

export interface KpiQuery {
  /** The period [from, to), ms, laptop local time. */
  from: number;
  to: number;
  /** previous: the same length right before; lastYear: both ends one calendar year back. */
  compare: KpiCompare | null;
  /** Weeks start on Monday, local time. */
  bucket: KpiBucket;
  /** A saved segment's customer ids, or null for everyone. */
  members: ReadonlySet<string> | null;
  /** Only purchases of this channel (case and accents ignored), or null for all. */
  channel: string | null;
  /** Only customers of this city (case and accents ignored), or null for all. */
  city: string | null;
  settings: KpiSettings;
}

export type Thresholds = [number, number, number, number];

export interface KpiSettings {
  /** A customer whose last order is older than this many days is inactive. */
  inactiveDays: number;
  /** Last order at most [0] days ago → R5, at most [1] → R4, [2] → R3, [3] → R2, else R1. */
  recencyDays: Thresholds;
  /** At least [3] orders → F5, [2] → F4, [1] → F3, [0] → F2, else F1. */
  frequencyOrders: Thresholds;
  /** At least [3] spent (minor units) → M5, [2] → M4, [1] → M3, [0] → M2, else M1. */
  monetaryMinor: Thresholds;
}

export const DEFAULT_KPI_SETTINGS: KpiSettings = {
  inactiveDays: 180,
  recencyDays: [30, 90, 180, 365],
  frequencyOrders: [2, 3, 5, 10],
  monetaryMinor: [5000, 15000, 40000, 100000],
};

// Each score needs a range of its own, so thresholds must strictly grow.
const ascending = (t: readonly number[]) => t.every((v, i) => i === 0 || v > t[i - 1]!);
const thresholds = (min: number, max: number) => {
  const one = z.int({ error: 'invalidNumber' }).min(min, { error: 'invalidNumber' }).max(max, {
    error: 'invalidNumber',
  });
  return z.tuple([one, one, one, one]).refine(ascending, { error: 'notAscending' });
};

export const kpiSettingsSchema = z.strictObject({
  inactiveDays: z.int({ error: 'invalidNumber' }).min(1, { error: 'invalidNumber' }).max(3650, {
    error: 'invalidNumber',
  }),
  recencyDays: thresholds(0, 3650),
  frequencyOrders: thresholds(1, 100_000),
  monetaryMinor: thresholds(0, 100_000_000_00),
});

export type RfmScore = 1 | 2 | 3 | 4 | 5;

export { RFM_GROUPS, type RfmGroup } from './rfmGroups';

/** The recency (R) and frequency (F) scores of each group, [lowest, highest] both included. */
export const RFM_GRID: Readonly<Record<RfmGroup, { r: [number, number]; f: [number, number] }>> = {
  champions: { r: [5, 5], f: [4, 5] },
  loyal: { r: [3, 4], f: [4, 5] },
  potentialLoyalists: { r: [4, 5], f: [2, 3] },
  newCustomers: { r: [5, 5], f: [1, 1] },
  promising: { r: [4, 4], f: [1, 1] },
  needAttention: { r: [3, 3], f: [3, 3] },
  aboutToSleep: { r: [3, 3], f: [1, 2] },
  atRisk: { r: [1, 2], f: [3, 4] },
  cannotLose: { r: [1, 2], f: [5, 5] },
  hibernating: { r: [2, 2], f: [1, 2] },
  lost: { r: [1, 1], f: [1, 2] },
};

/** The KPIs of one period. Money in minor units; a money average is rounded to a whole cent. */
export interface PeriodFigures {
  from: number;
  to: number;
  revenueMinor: number;
  orders: number;
  averageBasketMinor: number | null;
  buyers: number;
  frequency: number | null;
  repeatRate: number | null;
  refundsMinor: number;
  cancelled: number;
  unknownCustomerOrders: number;
}

export type PeriodFigure = Exclude<keyof PeriodFigures, 'from' | 'to'>;
export const PERIOD_FIGURES: readonly PeriodFigure[] = [
  'revenueMinor',
  'orders',
  'averageBasketMinor',
  'buyers',
  'frequency',
  'repeatRate',
  'refundsMinor',
  'cancelled',
  'unknownCustomerOrders',
];

export interface KpiComparison {
  previous: PeriodFigures;
  /** current - previous; null when either is null. */
  delta: Record<PeriodFigure, number | null>;
  /** delta / |previous|; null when previous is null or 0. */
  ratio: Record<PeriodFigure, number | null>;
}

export interface SeriesPoint {
  /** The bucket's calendar start (the first one may start before the period). */
  start: number;
  revenueMinor: number;
  orders: number;
  newCustomers: number;
  returningCustomers: number;
}

export interface CohortRow {
  /** Local midnight of the cohort's first day of month. */
  month: number;
  size: number;
  /** [k]: share of the cohort who ordered k months after; null for an empty cohort. */
  retention: (number | null)[];
}

export interface TopCustomer {
  id: string;
  revenueMinor: number;
  orders: number;
}

export interface RfmGroupFigures {
  count: number;
  revenueMinor: number;
  ids: string[];
}

/** Why a customer got a score: value ≤ threshold (atMost), > (over), ≥ (atLeast), < (under). */
export interface RfmReason {
  score: RfmScore;
  value: number;
  threshold: number;
  comparison: 'atMost' | 'over' | 'atLeast' | 'under';
}

export interface RfmExplanation {
  customerId: string;
  lastOrderAt: number;
  recencyDays: number;
  orders: number;
  revenueMinor: number;
  r: RfmReason;
  f: RfmReason;
  m: RfmReason;
  group: RfmGroup;
}

export interface KpiReport {
  period: PeriodFigures;
  comparison: KpiComparison | null;
  series: SeriesPoint[];
  cohorts: CohortRow[];
  inactive: { count: number; rate: number | null; ids: string[]; cutoff: number };
  leads: { created: number; converted: number; rate: number | null };
  clv: {
    buyers: number;
    historicalMinor: number | null;
    averageBasketMinor: number | null;
    ordersPerBuyerPerYear: number | null;
    annualChurnRate: number | null;
    expectedLifetimeYears: number | null;
    predictedMinor: number | null;
  };
  topCustomers: TopCustomer[];
  paretoShare: number | null;
  rfm: {
    customers: number;
    groups: Record<RfmGroup, RfmGroupFigures>;
    /** grid[r - 1][f - 1]: customers with that R and F score. */
    grid: number[][];
  };
}

export { KPI_DEFINITIONS, RFM_GROUP_DEFINITIONS, type KpiId } from './kpiDefinitions';
