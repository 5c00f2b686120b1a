import { foldText } from '../domain/fold';
import type { KpiColumns } from './kpiColumns';
import type { KpiQuery } from './kpiTypes';

/** The filters of a query, resolved to numbers the passes compare. */
export interface KpiScope {
  /** Per customer: 1 when they pass the segment and city filters. */
  customerIn: Uint8Array;
  /** Whether purchases of customers not in the file count (only without segment and city). */
  unknownIn: boolean;
  /** Per purchase (sorted columns): 1 when its channel and its customer are in. */
  purchaseIn: Uint8Array;
}

export function kpiScope(columns: KpiColumns, query: KpiQuery): KpiScope {
  const count = columns.customerIds.length;
  const customerIn = new Uint8Array(count);
  if (query.members === null) customerIn.fill(1);
  else {
    for (const id of query.members) {
      const c = columns.customerIndex.get(id);
      if (c !== undefined) customerIn[c] = 1;
    }
  }
  if (query.city !== null) {
    // A city no customer has: nobody is in.
    const wanted = columns.cities.get(foldText(query.city)) ?? -1;
    const city = columns.city;
    for (let c = 0; c < count; c++) if (city[c] !== wanted) customerIn[c] = 0;
  }
  const unknownIn = query.members === null && query.city === null;
  // -1: every channel; -2: a channel no purchase has.
  const channel =
    query.channel === null ? -1 : (columns.channels.get(foldText(query.channel)) ?? -2);
  const purchaseIn = new Uint8Array(columns.at.length);
  const { customer, channel: channelOf } = columns;
  for (let p = 0; p < purchaseIn.length; p++) {
    if (channel !== -1 && channelOf[p] !== channel) continue;
    const c = customer[p]!;
    if (c < 0 ? unknownIn : customerIn[c] === 1) purchaseIn[p] = 1;
  }
  return { customerIn, unknownIn, purchaseIn };
}
