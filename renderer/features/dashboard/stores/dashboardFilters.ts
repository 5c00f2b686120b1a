import { create } from 'zustand';
import type { KpiBucket, KpiCompare } from '../../../../shared/kpi/kpiTypes';
import type { PeriodPreset } from '../utils/periods';

export interface DashboardFilters {
  preset: PeriodPreset;
  bucket: KpiBucket;
  compare: KpiCompare | 'none';
  /** A saved segment's id, a channel, a city; '' for all. */
  segment: string;
  channel: string;
  city: string;
}

export const DEFAULT_DASHBOARD_FILTERS: DashboardFilters = {
  preset: 'last12m',
  bucket: 'month',
  compare: 'previous',
  segment: '',
  channel: '',
  city: '',
};

interface DashboardFiltersState extends DashboardFilters {
  change(patch: Partial<DashboardFilters>): void;
  /** Back to the defaults (on lock: another file may be opened next). */
  reset(): void;
}

/**
 * The dashboard's filters outlive the page: an owner who drills into a figure and comes back
 * finds the dashboard as they left it.
 */
export const useDashboardFilters = create<DashboardFiltersState>((set) => ({
  ...DEFAULT_DASHBOARD_FILTERS,
  change(patch) {
    set(patch);
  },
  reset() {
    set(DEFAULT_DASHBOARD_FILTERS);
  },
}));
