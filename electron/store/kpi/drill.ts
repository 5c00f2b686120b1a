import type { ListFilter } from '../../../shared/contract/customers';
import type { KpiDrill } from '../../../shared/contract/kpi';
import type { CustomerStore } from '../customers/customerStore';
import { kpiCellCustomers, kpiReport, type DashboardDeps } from './dashboard';

/** The last answer for each open file, until something is written or the drill changes. */
interface Kept {
  key: string;
  historyVersion: number;
  customers: ReturnType<CustomerStore['everyone']>;
  members: ReadonlySet<string> | null;
  ids: ReadonlySet<string>;
}
const kept = new WeakMap<CustomerStore, Kept>();

/**
 * The customers behind a dashboard figure (an RFM group, the inactive customers, a sales bar,
 * a cohort cell), computed as the dashboard computed them. The list asks again for every page
 * and keystroke while the figure filters it, so the answer is kept until a write or another
 * drill.
 */
export async function kpiPickIds(
  deps: DashboardDeps,
  drill: KpiDrill,
): Promise<ReadonlySet<string>> {
  await deps.history.whenLoaded();
  const key = JSON.stringify(drill);
  const historyVersion = deps.history.version;
  const customers = deps.customers.everyone();
  // The segment store answers the same set until its members change.
  const members = drill.query.segment ? await deps.segments.memberIds(drill.query.segment) : null;
  const last = kept.get(deps.customers);
  if (
    last?.key === key &&
    last.historyVersion === historyVersion &&
    last.customers === customers &&
    last.members === members
  )
    return last.ids;
  const ids = new Set(await pickedIds(deps, drill));
  kept.set(deps.customers, { key, historyVersion, customers, members, ids });
  return ids;
}

/** A chart cell's customers are picked alone; a group's come with the whole report. */
async function pickedIds(deps: DashboardDeps, { query, pick }: KpiDrill): Promise<string[]> {
  switch (pick.kind) {
    case 'bucket':
    case 'cohort':
      return kpiCellCustomers(deps, query, pick);
    case 'rfm':
      return (await kpiReport(deps, query)).rfm.groups[pick.group].ids;
    case 'inactive':
      return (await kpiReport(deps, query)).inactive.ids;
  }
}

/**
 * The customers a list filter keeps before its status and tag: a saved segment's members, a
 * dashboard figure's customers, those in both when it names both; undefined when neither.
 */
export async function listMembers(
  deps: DashboardDeps,
  filter: ListFilter | undefined,
): Promise<ReadonlySet<string> | undefined> {
  const segment = filter?.segment ? await deps.segments.memberIds(filter.segment) : undefined;
  const picked = filter?.kpi ? await kpiPickIds(deps, filter.kpi) : undefined;
  if (!segment || !picked) return segment ?? picked;
  const [small, large] = segment.size <= picked.size ? [segment, picked] : [picked, segment];
  return new Set([...small].filter((id) => large.has(id)));
}
