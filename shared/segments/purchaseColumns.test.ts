import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PurchaseFacts } from './evaluateSegment';
import { PurchaseColumnsBuilder, purchaseColumns } from './purchaseColumns';

const purchase: fc.Arbitrary<PurchaseFacts> = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd'),
  at: fc.nat(),
  lines: fc.array(
    fc.record({
      product: fc.constantFrom('Café', 'cafe ', 'Thé'),
      category: fc.constantFrom('', 'Boissons', 'boissons'),
      sku: fc.constantFrom('', 'X1'),
      quantity: fc.integer({ min: 1, max: 5 }),
      unitPriceMinor: fc.integer({ min: -500, max: 5000 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

describe('purchase columns', () => {
  it('appended in any number of steps, equal the columns built at once', () => {
    fc.assert(
      fc.property(fc.array(fc.array(purchase, { maxLength: 300 }), { maxLength: 6 }), (steps) => {
        const builder = new PurchaseColumnsBuilder();
        for (const step of steps) {
          builder.add(step);
          builder.columns(); // a view taken between steps must not go stale or shared
        }
        expect(builder.columns()).toEqual(purchaseColumns(steps.flat()));
      }),
      { numRuns: 200 },
    );
  });

  it('folds texts once: case, accents and spaces around make one product', () => {
    const columns = purchaseColumns(fc.sample(purchase, { numRuns: 50, seed: 4 }));
    expect([...columns.texts.keys()].sort()).toEqual(['', 'boissons', 'cafe', 'the', 'x1']);
  });
});
