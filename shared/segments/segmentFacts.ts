import type { InteractionKind } from '../domain/interaction';

/** A purchase as segments see it: who, when, and its lines. */
export interface PurchaseFacts {
  customerId: string;
  at: number;
  lines: readonly {
    product: string;
    category: string;
    sku: string;
    quantity: number;
    unitPriceMinor: number;
  }[];
}

export interface InteractionFacts {
  customerId: string;
  kind: InteractionKind;
  at: number;
}
