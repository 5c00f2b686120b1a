import { RFM_GRID, RFM_GROUPS } from './kpiTypes';
import type { RfmReason, RfmScore, Thresholds } from './kpiTypes';

/** The group (index in RFM_GROUPS) of each (R, F) at (r - 1) * 5 + (f - 1), -1 if none. */
export const RFM_GROUP_AT: Int8Array = (() => {
  const table = new Int8Array(25).fill(-1);
  RFM_GROUPS.forEach((group, g) => {
    const { r, f } = RFM_GRID[group];
    for (let ri = r[0]; ri <= r[1]; ri++) {
      for (let fi = f[0]; fi <= f[1]; fi++) table[(ri - 1) * 5 + fi - 1] = g;
    }
  });
  return table;
})();

/** Fewer days since the last order, higher score: the first threshold not exceeded. */
export function recencyScore(days: number, t: Thresholds): RfmScore {
  if (days <= t[0]) return 5;
  if (days <= t[1]) return 4;
  if (days <= t[2]) return 3;
  if (days <= t[3]) return 2;
  return 1;
}

/** More orders or money, higher score: the highest threshold reached. */
export function amountScore(value: number, t: Thresholds): RfmScore {
  if (value >= t[3]) return 5;
  if (value >= t[2]) return 4;
  if (value >= t[1]) return 3;
  if (value >= t[0]) return 2;
  return 1;
}

export function recencyReason(days: number, t: Thresholds): RfmReason {
  const score = recencyScore(days, t);
  return score === 1
    ? { score, value: days, threshold: t[3], comparison: 'over' }
    : { score, value: days, threshold: t[5 - score]!, comparison: 'atMost' };
}

export function amountReason(value: number, t: Thresholds): RfmReason {
  const score = amountScore(value, t);
  return score === 1
    ? { score, value, threshold: t[0], comparison: 'under' }
    : { score, value, threshold: t[score - 2]!, comparison: 'atLeast' };
}
