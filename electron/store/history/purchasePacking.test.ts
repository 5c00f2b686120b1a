import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Purchase } from '../../../shared/domain/purchase';
import { purchasePageEncoding } from './purchasePacking';

const text = fc.oneof(fc.constant(''), fc.constantFrom('Shop', 'Café', 'RUN-1'), fc.string());
const line = fc.record({
  productId: text,
  sku: text,
  product: fc.string({ minLength: 1 }),
  category: text,
  quantity: fc.double({ min: 0.001, max: 1000, noNaN: true }),
  unitPriceMinor: fc.integer({ min: -1_000_000, max: 1_000_000 }),
});
const purchase: fc.Arbitrary<Purchase> = fc.record({
  id: fc.uuid(),
  customerId: fc.constantFrom('c1', 'c2', 'c3'),
  at: fc.nat(),
  createdAt: fc.nat(),
  totalMinor: fc.integer(),
  currency: fc.constantFrom('EUR', 'GBP'),
  channel: text,
  orderId: text,
  lines: fc.array(line, { minLength: 1, maxLength: 5 }),
});
const through = (purchases: Purchase[]) =>
  purchasePageEncoding.decode(JSON.parse(JSON.stringify(purchasePageEncoding.encode(purchases))));

describe('purchase page encoding', () => {
  it('gives back exactly the purchases that were encoded, through JSON', () => {
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 20 }), (purchases) => {
        expect(through(purchases)).toEqual(purchases);
      }),
      { numRuns: 300 },
    );
  });

  it('writes each text once a page', () => {
    const p = fc.sample(purchase, { numRuns: 1, seed: 3 })[0]!;
    const page = purchasePageEncoding.encode([p, { ...p, id: 'other' }]) as { s: string[] };
    expect(page.s.filter((s) => s === p.customerId)).toHaveLength(1);
  });

  it('still reads pages written as a list of purchases', () => {
    const list = fc.sample(purchase, { numRuns: 3, seed: 1 });
    expect(purchasePageEncoding.decode(JSON.parse(JSON.stringify(list)))).toEqual(list);
  });

  it('refuses a page that does not add up, so that it is quarantined', () => {
    const list = fc.sample(purchase, { numRuns: 3, seed: 2 });
    const page = JSON.parse(JSON.stringify(purchasePageEncoding.encode(list)));
    const broken = [
      { ...page, v: 2 },
      { ...page, p: page.p.slice(1) },
      { ...page, l: page.l.slice(0, -6) },
      { ...page, l: [...page.l, 0, 0, 0, 0, 1, 1] },
      { ...page, s: [] },
      { ...page, i: [1, 2, 3] },
      null,
    ];
    for (const payload of broken) expect(() => purchasePageEncoding.decode(payload)).toThrow();
  });
});
