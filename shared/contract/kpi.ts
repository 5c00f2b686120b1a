import { z } from 'zod';
import { DEFAULT_KPI_SETTINGS, kpiSettingsSchema, type KpiReport } from '../kpi/kpiTypes';
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

export const kpiContract = {
  /** Every dashboard KPI for a period, compared or not, for a segment, channel or city. */
  'kpi.dashboard': method<KpiDashboard>()(kpiQuerySchema),
};
