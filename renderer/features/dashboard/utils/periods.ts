import type { KpiBucket } from '../../../../shared/kpi/kpiTypes';

/** The periods the dashboard offers, each with the bucket that reads best for its length. */
export const PERIOD_PRESETS = ['last30', 'last90', 'last12m', 'thisYear', 'lastYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface DashboardPeriod {
  /** [from, to): local midnights. */
  from: number;
  to: number;
  bucket: KpiBucket;
}

const day = (year: number, month: number, date: number) => new Date(year, month, date).getTime();

/** A preset as dates on the laptop's calendar, today included. */
export function presetPeriod(preset: PeriodPreset, now: number): DashboardPeriod {
  const d = new Date(now);
  const [y, m, date] = [d.getFullYear(), d.getMonth(), d.getDate()];
  const tomorrow = day(y, m, date + 1);
  switch (preset) {
    case 'last30':
      return { from: day(y, m, date - 29), to: tomorrow, bucket: 'day' };
    case 'last90':
      return { from: day(y, m, date - 89), to: tomorrow, bucket: 'week' };
    case 'last12m':
      return { from: day(y, m - 11, 1), to: tomorrow, bucket: 'month' };
    case 'thisYear':
      return { from: day(y, 0, 1), to: tomorrow, bucket: 'month' };
    case 'lastYear':
      return { from: day(y - 1, 0, 1), to: day(y, 0, 1), bucket: 'month' };
  }
}
