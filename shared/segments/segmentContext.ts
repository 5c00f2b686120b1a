import type { PurchaseColumns } from './purchaseColumns';
import type { InteractionFacts, PurchaseFacts } from './segmentFacts';
import type { SegmentField } from './segmentFields';
import type { RuleGroup } from './segmentRules';

/** Everything a rule may look at besides the customer. */
export interface SegmentContext {
  now: number;
  /** Minor units in one unit of the file's currency (100 for euros): rules give amounts in units. */
  minorPerUnit: number;
  fields: ReadonlyMap<string, SegmentField>;
  /** Saved segments' rules, by name, for "member of". */
  segments: ReadonlyMap<string, RuleGroup>;
  /** The purchases as objects (the naive evaluator reads these; the store gives columns). */
  purchases?: readonly PurchaseFacts[];
  /** The same purchases as columns, when the caller keeps them (else built from `purchases`). */
  purchaseColumns?: PurchaseColumns;
  interactions: readonly InteractionFacts[];
}
