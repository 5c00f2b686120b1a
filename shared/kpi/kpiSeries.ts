import { firstAtOrAfter, type KpiColumns } from './kpiColumns';
import type { KpiScope } from './kpiScope';
import { bucketStarts } from './kpiTime';
import type { KpiBucket, SeriesPoint } from './kpiTypes';

/**
 * The period bucket by bucket, in one pass over its purchases: bucket edges are worked out
 * once, and the sorted times walk them. A bucket is its calendar span cut to the period.
 */
export function kpiSeries(
  columns: KpiColumns,
  scope: KpiScope,
  firstOrderAt: Float64Array,
  from: number,
  to: number,
  bucket: KpiBucket,
): SeriesPoint[] {
  const starts = bucketStarts(from, to, bucket);
  const count = starts.length;
  if (count === 0) return [];
  const edges = new Float64Array(count + 1);
  for (let b = 1; b < count; b++) edges[b] = starts[b]!;
  edges[0] = from;
  edges[count] = to;
  const revenue = new Float64Array(count);
  const orders = new Int32Array(count);
  const fresh = new Int32Array(count);
  const returning = new Int32Array(count);
  // The last bucket each customer was counted in: a customer counts once per bucket.
  const lastBucket = new Int32Array(columns.customerIds.length).fill(-1);
  const { at, totalMinor, customer } = columns;
  const purchaseIn = scope.purchaseIn;
  const end = firstAtOrAfter(at, to);
  let b = 0;
  for (let p = firstAtOrAfter(at, from); p < end; p++) {
    if (purchaseIn[p] === 0) continue;
    const total = totalMinor[p]!;
    if (total === 0) continue;
    const time = at[p]!;
    while (time >= edges[b + 1]!) b++;
    revenue[b]! += total;
    if (total < 0) continue;
    orders[b]!++;
    const c = customer[p]!;
    if (c < 0 || lastBucket[c] === b) continue;
    lastBucket[c] = b;
    if (firstOrderAt[c]! >= edges[b]!) fresh[b]!++;
    else returning[b]!++;
  }
  return starts.map((start, i) => ({
    start,
    revenueMinor: revenue[i]!,
    orders: orders[i]!,
    newCustomers: fresh[i]!,
    returningCustomers: returning[i]!,
  }));
}
