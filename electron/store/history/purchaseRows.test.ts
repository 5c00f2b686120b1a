import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Purchase } from '../../../shared/domain/purchase';
import { PurchaseRows } from './purchaseRows';

const text = fc.constantFrom('', 'Shop', 'Café crème', 'Web', 'é', 'A-1');
const purchase = (id: string) =>
  fc.record({
    id: fc.constant(id),
    customerId: fc.constantFrom('c1', 'c2', 'c3', 'Shop'),
    at: fc.integer({ min: 0, max: 1e12 }),
    createdAt: fc.integer({ min: 0, max: 1e12 }),
    totalMinor: fc.integer({ min: -1e6, max: 1e6 }),
    currency: fc.constantFrom('EUR', 'CHF'),
    channel: text,
    orderId: text,
    lines: fc.array(
      fc.record({
        productId: text,
        sku: text,
        product: text,
        category: text,
        quantity: fc.double({ min: 0.001, max: 1000, noNaN: true }),
        unitPriceMinor: fc.integer({ min: -1e6, max: 1e6 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  }) satisfies fc.Arbitrary<Purchase>;

/** Batches of new purchases and removals, applied in turn. */
const steps = fc.array(
  fc.oneof(
    fc.record({ add: fc.integer({ min: 0, max: 700 }) }),
    fc.record({ remove: fc.array(fc.nat(), { maxLength: 5 }) }),
  ),
  { maxLength: 8 },
);

describe('PurchaseRows', () => {
  it('gives back every purchase as it was given, by id, by customer and in order', () => {
    let next = 0;
    fc.assert(
      fc.property(steps, fc.infiniteStream(purchase('')), (plan, stream) => {
        const rows = new PurchaseRows();
        let model: Purchase[] = [];
        for (const step of plan) {
          if ('add' in step) {
            // Past 1024 purchases or 4096 lines the columns grow: the sizes reach that.
            const batch = Array.from({ length: step.add }, () => ({
              ...stream.next().value,
              id: `p${next++}`,
            }));
            rows.add(batch);
            model.push(...batch);
          } else {
            const ids = new Set(step.remove.map((n) => model[n % Math.max(1, model.length)]?.id));
            ids.delete(undefined);
            rows.remove(ids as Set<string>);
            model = model.filter((p) => !ids.has(p.id));
          }
          expect(rows.size).toBe(model.length);
        }
        expect(rows.slice(0, model.length)).toEqual(model);
        for (const p of model.slice(0, 20)) {
          expect(rows.get(p.id)).toEqual(p);
          expect(rows.customerOf(p.id)).toBe(p.customerId);
        }
        for (const c of ['c1', 'c2', 'c3', 'Shop', 'nobody'])
          expect(rows.of(c)).toEqual(model.filter((p) => p.customerId === c));
        const kpi = rows.kpiColumns();
        expect(kpi.count).toBe(model.length);
        expect(Array.from(kpi.at)).toEqual(model.map((p) => p.at));
        expect(Array.from(kpi.totalMinor)).toEqual(model.map((p) => p.totalMinor));
        expect(Array.from(kpi.channel, (t) => kpi.texts[t])).toEqual(model.map((p) => p.channel));
        expect(Array.from(kpi.customer, (t) => kpi.texts[t])).toEqual(
          model.map((p) => p.customerId),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('knows nothing of a purchase taken out, nor of anything after clear', () => {
    const rows = new PurchaseRows();
    const one = fc.sample(purchase('a'), 1)[0]!;
    const two = { ...fc.sample(purchase('b'), 1)[0]!, customerId: one.customerId };
    rows.add([one, two]);
    expect(rows.has('a')).toBe(true);
    rows.remove(new Set(['a', 'unknown']));
    expect(rows.has('a')).toBe(false);
    expect(rows.get('a')).toBeUndefined();
    expect(rows.of(one.customerId)).toEqual([two]);
    const before = rows.kpiColumns();
    rows.add([one]);
    expect(rows.kpiColumns()).not.toBe(before);
    expect(rows.of(one.customerId)).toEqual([two, one]);
    rows.clear();
    expect(rows.size).toBe(0);
    expect(rows.has('b')).toBe(false);
    expect(rows.of(one.customerId)).toEqual([]);
    expect(rows.kpiColumns().count).toBe(0);
  });
});
