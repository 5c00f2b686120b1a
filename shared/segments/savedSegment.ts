import type { RuleGroup } from './segmentRules';

/** A segment the owner saved: its rule, and its size day by day since. */
export interface SavedSegment {
  id: string;
  name: string;
  description: string;
  rule: RuleGroup;
  createdAt: number;
  updatedAt: number;
  /** Members counted once a day (the first time the file is open that day), oldest first. */
  sizes: { day: string; size: number }[];
}

/** How many days of sizes a segment keeps. */
export const SIZE_HISTORY_DAYS = 366;

/** A saved segment as the list shows it: its size now, or why it cannot be counted. */
export interface SegmentSummary extends SavedSegment {
  size: number | null;
  problem: string | null;
}

/** A rule counted while it is edited: how many, out of how many, and the first few by name. */
export interface SegmentCount {
  count: number;
  all: number;
  sample: { id: string; name: string; city: string; email: string }[];
}
