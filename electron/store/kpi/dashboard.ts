import type { z } from 'zod';
import type { KpiDashboard, kpiQuerySchema } from '../../../shared/contract/kpi';
import type { KpiPurchaseColumns, KpiReport } from '../../../shared/kpi/kpiTypes';
import { displayName } from '../../../shared/domain/customer';
import { computeKpis } from '../../../shared/kpi/computeKpis';
import { kpiCellIds, type KpiCell } from '../../../shared/kpi/kpiCells';
import { RFM_GROUPS } from '../../../shared/kpi/kpiTypes';
import { foldText } from '../../../shared/domain/fold';
import type { CustomerStore } from '../customers/customerStore';
import type { HistoryStore } from '../history/historyStore';
import type { SegmentStore } from '../segments/segmentStore';

export interface DashboardDeps {
  customers: CustomerStore;
  history: HistoryStore;
  segments: SegmentStore;
}

type Query = z.output<typeof kpiQuerySchema>;

/**
 * Every KPI of `computeKpis` over the file's purchases and customers, for a saved segment's
 * members when one is chosen, with the customer id lists (RFM groups, inactive customers).
 */
export async function kpiReport(deps: DashboardDeps, arg: Query): Promise<KpiReport> {
  await deps.history.whenLoaded();
  const members = arg.segment ? await deps.segments.memberIds(arg.segment) : null;
  return computeKpis(
    { purchases: deps.history.kpiPurchases(), customers: deps.customers.everyone() },
    { ...arg, members },
  );
}

/** The customers a sales bar or a cohort cell counted, for the same query as the dashboard. */
export async function kpiCellCustomers(
  deps: DashboardDeps,
  arg: Query,
  cell: KpiCell,
): Promise<string[]> {
  await deps.history.whenLoaded();
  const members = arg.segment ? await deps.segments.memberIds(arg.segment) : null;
  return kpiCellIds(
    { purchases: deps.history.kpiPurchases(), customers: deps.customers.everyone() },
    { ...arg, members },
    cell,
  );
}

/**
 * The owner's dashboard: the report without its id lists (drill-down asks for them), with the
 * top customers' names and the channels in use.
 */
export async function kpiDashboard(deps: DashboardDeps, arg: Query): Promise<KpiDashboard> {
  const report = await kpiReport(deps, arg);
  const purchases = deps.history.kpiPurchases();
  return {
    ...report,
    inactive: {
      count: report.inactive.count,
      rate: report.inactive.rate,
      cutoff: report.inactive.cutoff,
    },
    rfm: {
      customers: report.rfm.customers,
      grid: report.rfm.grid,
      groups: Object.fromEntries(
        RFM_GROUPS.map((g) => [
          g,
          { count: report.rfm.groups[g].count, revenueMinor: report.rfm.groups[g].revenueMinor },
        ]),
      ) as KpiDashboard['rfm']['groups'],
    },
    topCustomers: report.topCustomers.map((top) => ({
      ...top,
      name: nameOf(deps.customers, top.id),
    })),
    channels: channelsOf(purchases),
  };
}

function nameOf(customers: CustomerStore, id: string): string {
  try {
    return displayName(customers.get(id));
  } catch {
    return '';
  }
}

const channelCache = new WeakMap<KpiPurchaseColumns, string[]>();

/**
 * The channels in use, most used first; spellings that differ only by case or accents are one
 * channel (the filter compares them folded), shown as most often written.
 */
function channelsOf(purchases: KpiPurchaseColumns): string[] {
  let channels = channelCache.get(purchases);
  if (!channels) {
    const byText = new Int32Array(purchases.texts.length);
    for (let p = 0; p < purchases.count; p++) byText[purchases.channel[p]!]!++;
    const counts = new Map<string, number>();
    byText.forEach((count, text) => {
      const name = purchases.texts[text]!;
      if (count > 0 && name) counts.set(name, count);
    });
    const byFolded = new Map<string, { name: string; count: number; total: number }>();
    for (const [name, count] of counts) {
      const key = foldText(name);
      const seen = byFolded.get(key);
      if (!seen) byFolded.set(key, { name, count, total: count });
      else {
        seen.total += count;
        if (count > seen.count) Object.assign(seen, { name, count });
      }
    }
    channels = [...byFolded.values()].sort((a, b) => b.total - a.total).map((c) => c.name);
    channelCache.set(purchases, channels);
  }
  return channels;
}
