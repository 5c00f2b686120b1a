import { z } from 'zod';
import {
  DEFAULT_KPI_SETTINGS,
  RFM_GROUPS,
  kpiSettingsSchema,
  type KpiReport,
} from '../kpi/kpiTypes';
import { method } from './define';

/** Ten years of days: the longest period the dashboard draws. */
const PERIOD_MAX_MS = 3660 * 86_400_000;

/** The dashboard's answer: every KPI, counts instead of id lists (drill-down asks for those). */
export interface KpiDashboard extends Omit<KpiReport, 'inactive' | 'rfm' | 'topCustomers'> {
  inactive: Omit<KpiReport['inactive'], 'ids'>;
  rfm: {
    customers: number;
    groups: Record<keyof KpiReport['rfm']['groups'], { count: number; revenueMinor: number }>;
    grid: number[][];
  };
  topCustomers: (KpiReport['topCustomers'][number] & { name: string })[];
  /** The channels purchases were made in, for the channel filter. */
  channels: string[];
}

export const kpiQuerySchema = z
  .strictObject({
    from: z.int().nonnegative(),
    to: z.int().positive(),
    compare: z.enum(['previous', 'lastYear']).nullable().default(null),
    bucket: z.enum(['day', 'week', 'month']),
    /** A saved segment's id: only its members. */
    segment: z.string().min(1).max(64).nullable().default(null),
    channel: z.string().max(100).nullable().default(null),
    city: z.string().max(100).nullable().default(null),
    settings: kpiSettingsSchema.default(DEFAULT_KPI_SETTINGS),
  })
  .refine((q) => q.from < q.to && q.to - q.from <= PERIOD_MAX_MS, {
    error: 'invalidPeriod',
    path: ['to'],
  });
export type KpiQueryArg = z.input<typeof kpiQuerySchema>;
/** A dashboard query as the store reads it, every default filled in. */
export type KpiDashboardQuery = z.output<typeof kpiQuerySchema>;

/**
 * The customers behind a dashboard figure, as the dashboard counted them: an RFM group's, the
 * inactive ones, a sales bar's (who ordered in that bucket: all, new or returning), a cohort's
 * (offset null) or a cohort cell's, for the dashboard's query (period, filters, settings).
 */
export const kpiDrillSchema = z.strictObject({
  query: kpiQuerySchema,
  pick: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('rfm'), group: z.enum(RFM_GROUPS) }),
    z.strictObject({ kind: z.literal('inactive') }),
    z.strictObject({
      kind: z.literal('bucket'),
      start: z.int().nonnegative(),
      who: z.enum(['all', 'new', 'returning']),
    }),
    z.strictObject({
      kind: z.literal('cohort'),
      month: z.int().nonnegative(),
      offset: z.int().min(0).max(11).nullable(),
    }),
  ]),
});
export type KpiDrill = z.output<typeof kpiDrillSchema>;
export type KpiPick = KpiDrill['pick'];

export const kpiContract = {
  /** Every dashboard KPI for a period, compared or not, for a segment, channel or city. */
  'kpi.dashboard': method<KpiDashboard>()(kpiQuerySchema),
};
