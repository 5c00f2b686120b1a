import type { CustomerChange, Interaction } from './interaction';
import type { Purchase } from './purchase';

/** One line of a customer's timeline, newest first. */
export type TimelineEntry =
  | { kind: 'purchase'; at: number; purchase: Purchase }
  | { kind: 'interaction'; at: number; interaction: Interaction }
  | { kind: 'change'; at: number; change: CustomerChange }
  | { kind: 'created'; at: number; source: string };
