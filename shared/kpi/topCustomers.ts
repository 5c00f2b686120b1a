import type { KpiColumns } from './kpiColumns';
import type { TopCustomer } from './kpiTypes';
import type { PeriodCustomers } from './periodFigures';

const TOP = 10;

/** The period's top 10 buyers by revenue (ties by id) and the top 20%'s share of revenue. */
export function topCustomers(
  columns: KpiColumns,
  period: PeriodCustomers,
): { topCustomers: TopCustomer[]; paretoShare: number | null } {
  const { buyers, revenueMinor, orders } = period;
  const ids = columns.customerIds;
  // Ahead: more revenue, or the same and a smaller id.
  const ahead = (a: number, b: number) =>
    revenueMinor[a]! > revenueMinor[b]! ||
    (revenueMinor[a] === revenueMinor[b] && ids[a]! < ids[b]!);
  const top: number[] = [];
  const revenues = new Float64Array(buyers.length);
  let total = 0;
  for (let i = 0; i < buyers.length; i++) {
    const c = buyers[i]!;
    revenues[i] = revenueMinor[c]!;
    total += revenueMinor[c]!;
    // A short list kept in order: most buyers do not beat the tenth and cost one comparison.
    if (top.length === TOP && !ahead(c, top[TOP - 1]!)) continue;
    let at = top.length === TOP ? TOP - 1 : top.length;
    while (at > 0 && ahead(c, top[at - 1]!)) at--;
    top.splice(at, 0, c);
    if (top.length > TOP) top.pop();
  }
  // Numeric sort of a typed array: the top 20% are the last fifth.
  revenues.sort();
  let topSum = 0;
  for (let i = revenues.length - Math.ceil(revenues.length / 5); i < revenues.length; i++) {
    topSum += revenues[i]!;
  }
  return {
    topCustomers: top.map((c) => ({
      id: ids[c]!,
      revenueMinor: revenueMinor[c]!,
      orders: orders[c]!,
    })),
    paretoShare: total > 0 ? topSum / total : null,
  };
}
