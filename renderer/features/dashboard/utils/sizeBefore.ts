import type { SegmentSummary } from '../../../../shared/segments/savedSegment';

/** The size a segment had `days` days before its last count, or its first count if younger. */
export function sizeBefore(sizes: SegmentSummary['sizes'], days: number): number | null {
  if (sizes.length === 0) return null;
  const last = Date.parse(sizes.at(-1)!.day);
  const since = last - days * 86_400_000;
  let found = sizes[0]!.size;
  for (const { day, size } of sizes) {
    if (Date.parse(day) > since) break;
    found = size;
  }
  return found;
}
