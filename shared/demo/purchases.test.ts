import { describe, expect, it } from 'vitest';
import { purchaseInputSchema } from '../domain/purchase';
import { generateDemoCustomers } from './customers';
import { generateDemoPurchases } from './purchases';

const NOW = Date.UTC(2026, 10, 22, 15, 30);
const DAY = 86_400_000;

describe('generateDemoPurchases', () => {
  const customers = generateDemoCustomers(2000, 42);
  const options = { seed: 42, now: NOW, lines: 20_000, currency: 'EUR' };
  const purchases = generateDemoPurchases(customers, options);

  it('gives exactly the lines asked for, in purchases that pass the purchase schema', () => {
    expect(purchases.reduce((n, p) => n + p.purchase.lines.length, 0)).toBe(20_000);
    for (const { purchase } of purchases.slice(0, 500)) {
      const input = { ...purchase, customerId: 'c1' };
      expect(purchaseInputSchema.parse(input)).toEqual(input);
    }
  });

  it('gives purchases only to customers and inactive customers, none after now', () => {
    const statuses = new Set(purchases.map((p) => customers[p.customer]!.status));
    expect([...statuses].sort()).toEqual(['customer', 'inactive']);
    expect(
      purchases.every((p) => p.purchase.at <= NOW && p.purchase.at > NOW - 3 * 366 * DAY),
    ).toBe(true);
    const inactive = purchases.filter((p) => customers[p.customer]!.status === 'inactive');
    expect(inactive.every((p) => p.purchase.at < NOW - 365 * DAY)).toBe(true);
  });

  it('is skewed: the top fifth of buyers make far more purchases than the bottom fifth', () => {
    const counts = new Map<number, number>();
    for (const p of purchases) counts.set(p.customer, (counts.get(p.customer) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const fifth = Math.floor(sorted.length / 5);
    const top = sorted.slice(0, fifth).reduce((a, b) => a + b, 0);
    const bottom = sorted.slice(-fifth).reduce((a, b) => a + b, 0);
    expect(top).toBeGreaterThan(4 * bottom);
  });

  it('is deterministic for a seed and the same now', () => {
    expect(generateDemoPurchases(customers, options)).toEqual(purchases);
    expect(generateDemoPurchases(customers, { ...options, seed: 7 })).not.toEqual(purchases);
  });

  it('gives nothing when nobody has bought', () => {
    const leads = customers.filter((c) => c.status === 'lead');
    expect(generateDemoPurchases(leads, options)).toEqual([]);
  });
});
