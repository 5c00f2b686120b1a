import { foldText } from '../domain/fold';
import { kpiColumns } from './kpiColumns';
import { DAY_MS } from './kpiTime';
import { RFM_GROUPS } from './kpiTypes';
import type { KpiInput, KpiQuery, RfmExplanation } from './kpiTypes';
import { RFM_GROUP_AT, amountReason, recencyReason } from './rfmScores';

/**
 * Why a customer is in their RFM group as of the period's end: their figures, each score and
 * the threshold that gave it. null for a customer out of the filters or without an order.
 */
export function explainRfm(
  data: KpiInput,
  query: KpiQuery,
  customerId: string,
): RfmExplanation | null {
  const columns = kpiColumns(data.purchases, data.customers);
  const c = columns.customerIndex.get(customerId);
  if (c === undefined) return null;
  if (query.members !== null && !query.members.has(customerId)) return null;
  if (query.city !== null && columns.city[c] !== columns.cities.get(foldText(query.city))) {
    return null;
  }
  const channel =
    query.channel === null ? -1 : (columns.channels.get(foldText(query.channel)) ?? -2);
  const { at, totalMinor } = columns;
  let orders = 0;
  let revenueMinor = 0;
  let lastOrderAt = -Infinity;
  for (let i = columns.customerStart[c]!, end = columns.customerStart[c + 1]!; i < end; i++) {
    const p = columns.byCustomer[i]!;
    // A customer's purchases are listed in time order.
    if (at[p]! >= query.to) break;
    if (channel !== -1 && columns.channel[p] !== channel) continue;
    revenueMinor += totalMinor[p]!;
    if (totalMinor[p]! > 0) {
      orders++;
      lastOrderAt = at[p]!;
    }
  }
  if (orders === 0) return null;
  const { settings } = query;
  const recencyDays = Math.floor((query.to - lastOrderAt) / DAY_MS);
  const r = recencyReason(recencyDays, settings.recencyDays);
  const f = amountReason(orders, settings.frequencyOrders);
  const m = amountReason(revenueMinor, settings.monetaryMinor);
  return {
    customerId,
    lastOrderAt,
    recencyDays,
    orders,
    revenueMinor,
    r,
    f,
    m,
    group: RFM_GROUPS[RFM_GROUP_AT[(r.score - 1) * 5 + f.score - 1]!]!,
  };
}
