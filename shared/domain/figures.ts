/** What the store keeps current for each customer on every purchase and interaction. */
export interface CustomerFigures {
  orderCount: number;
  /** In minor units (cents) of the file's currency. */
  totalSpentMinor: number;
  firstPurchaseAt: number | null;
  lastPurchaseAt: number | null;
  lastInteractionAt: number | null;
}

export const EMPTY_FIGURES: CustomerFigures = {
  orderCount: 0,
  totalSpentMinor: 0,
  firstPurchaseAt: null,
  lastPurchaseAt: null,
  lastInteractionAt: null,
};

/** Average basket in minor units, or null before the first order. */
export function averageBasketMinor(figures: CustomerFigures): number | null {
  return figures.orderCount > 0 ? Math.round(figures.totalSpentMinor / figures.orderCount) : null;
}

/** Figures recomputed from a customer's whole history (cheap: a customer has few rows). */
export function figuresOf(
  purchases: readonly { at: number; totalMinor: number }[],
  interactions: readonly { at: number }[],
): CustomerFigures {
  let first: number | null = null;
  let last: number | null = null;
  let total = 0;
  for (const p of purchases) {
    total += p.totalMinor;
    if (first === null || p.at < first) first = p.at;
    if (last === null || p.at > last) last = p.at;
  }
  let lastInteraction: number | null = null;
  for (const i of interactions)
    if (lastInteraction === null || i.at > lastInteraction) lastInteraction = i.at;
  return {
    orderCount: purchases.length,
    totalSpentMinor: total,
    firstPurchaseAt: first,
    lastPurchaseAt: last,
    lastInteractionAt: lastInteraction,
  };
}
