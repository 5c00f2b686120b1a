import { customerHistory } from './customerHistory';
import { firstAtOrAfter, kpiColumns } from './kpiColumns';
import { kpiScope } from './kpiScope';
import { bucketStarts, cohortMonths } from './kpiTime';
import type { KpiInput, KpiQuery } from './kpiTypes';

/** A bar of the sales chart: who ordered in it (all, or only new or returning customers). */
export interface BucketCell {
  kind: 'bucket';
  /** The bucket's calendar start, as in SeriesPoint.start. */
  start: number;
  who: 'all' | 'new' | 'returning';
}

/** A cohort row (offset null: its members) or cell (those who ordered `offset` months on). */
export interface CohortCell {
  kind: 'cohort';
  /** The cohort's month, as in CohortRow.month. */
  month: number;
  offset: number | null;
}

export type KpiCell = BucketCell | CohortCell;

/**
 * The customers a chart bar or a cohort cell counted, by the same rules as kpiSeries and
 * kpiCohorts (orders only, the query's filters), in the file's customer order. An unknown
 * bucket or month gives nobody.
 */
export function kpiCellIds(data: KpiInput, query: KpiQuery, cell: KpiCell): string[] {
  const columns = kpiColumns(data.purchases, data.customers);
  const scope = kpiScope(columns, query);
  const { firstOrderAt } = customerHistory(columns, scope, query.to);
  const count = columns.customerIds.length;
  const picked = new Uint8Array(count);
  // Every customer counted by an order of theirs in [from, to) that `keep` accepts.
  const orderedIn = (from: number, to: number, keep: (c: number) => boolean) => {
    const { at, totalMinor, customer } = columns;
    const end = firstAtOrAfter(at, to);
    for (let p = firstAtOrAfter(at, from); p < end; p++) {
      if (scope.purchaseIn[p] === 0 || totalMinor[p]! <= 0) continue;
      const c = customer[p]!;
      if (c >= 0 && keep(c)) picked[c] = 1;
    }
  };
  if (cell.kind === 'bucket') {
    const starts = bucketStarts(query.from, query.to, query.bucket);
    const b = starts.indexOf(cell.start);
    if (b < 0) return [];
    const from = b === 0 ? query.from : starts[b]!;
    const to = b === starts.length - 1 ? query.to : starts[b + 1]!;
    orderedIn(from, to, (c) =>
      cell.who === 'all' ? true : firstOrderAt[c]! >= from === (cell.who === 'new'),
    );
  } else {
    const months = cohortMonths(query.to);
    const i = months.indexOf(cell.month);
    if (i < 0 || i >= months.length - 1) return [];
    const member = (c: number) =>
      scope.customerIn[c] === 1 &&
      firstOrderAt[c]! >= months[i]! &&
      firstOrderAt[c]! < months[i + 1]!;
    if (cell.offset === null) {
      for (let c = 0; c < count; c++) if (member(c)) picked[c] = 1;
    } else {
      const m = i + cell.offset;
      if (cell.offset < 0 || m >= months.length - 1) return [];
      orderedIn(months[m]!, Math.min(months[m + 1]!, query.to), member);
    }
  }
  const ids: string[] = [];
  for (let c = 0; c < count; c++) if (picked[c]) ids.push(columns.customerIds[c]!);
  return ids;
}
