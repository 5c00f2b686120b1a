import { describe, expect, it } from 'vitest';
import { customerInputSchema } from '../../../shared/domain/customer';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { rfmOf } from './rfmOf';
import { DAY, openTestFile, shoesBought } from './testFile';

const clock = new Date(2026, 5, 15, 9).getTime();

/** Ana: 3 orders (200 + 150 + 100 €), the last 20 days ago; Eve never bought. */
async function shop() {
  const file = await openTestFile(clock);
  const add = (firstName: string) =>
    file.customers.create(customerInputSchema.parse({ firstName, lastName: 'Test' }));
  const ana = await add('Ana');
  const eve = await add('Eve');
  for (const [daysAgo, euros] of [
    [20, 200],
    [100, 150],
    [300, 100],
  ] as const)
    await file.addPurchase(shoesBought(clock, ana.id, daysAgo, euros));
  const deps = {
    customers: file.customers,
    history: file.history,
    settings: () => file.catalog.settings(),
    now: () => clock,
  };
  return { file, ana, eve, deps };
}

describe("a customer's RFM group, explained", () => {
  it('gives each score with the threshold that gave it, with the default limits', async () => {
    const { file, ana, deps } = await shop();
    // Defaults: R5 ≤ 30 days; F ≥ 2/3/5/10 orders (3 → F3); M ≥ 50/150/400/1000 € (450 → M4).
    expect(await rfmOf(deps, ana.id)).toEqual({
      customerId: ana.id,
      lastOrderAt: clock - 20 * DAY,
      recencyDays: 20,
      orders: 3,
      revenueMinor: 45_000,
      r: { score: 5, value: 20, threshold: 30, comparison: 'atMost' },
      f: { score: 3, value: 3, threshold: 3, comparison: 'atLeast' },
      m: { score: 4, value: 45_000, threshold: 40_000, comparison: 'atLeast' },
      group: 'potentialLoyalists',
    });
    expect(await file.rfmOf(ana.id)).toEqual(await rfmOf(deps, ana.id));
  });

  it("follows the file's settings", async () => {
    const { file, ana, deps } = await shop();
    await file.updateSettings({
      ...DEFAULT_SETTINGS,
      kpi: {
        inactiveDays: 180,
        recencyDays: [7, 14, 60, 365],
        frequencyOrders: [1, 2, 3, 4],
        monetaryMinor: [100, 200, 300, 50_000],
      },
    });
    const why = await rfmOf(deps, ana.id);
    expect(why?.r).toEqual({ score: 3, value: 20, threshold: 60, comparison: 'atMost' });
    expect(why?.f).toEqual({ score: 4, value: 3, threshold: 3, comparison: 'atLeast' });
    expect(why?.m).toEqual({ score: 4, value: 45_000, threshold: 300, comparison: 'atLeast' });
  });

  it('is null before a first order, and NOT_FOUND for an unknown customer', async () => {
    const { eve, deps } = await shop();
    expect(await rfmOf(deps, eve.id)).toBeNull();
    await expect(rfmOf(deps, 'nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
