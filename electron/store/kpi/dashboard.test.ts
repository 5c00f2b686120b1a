import { describe, expect, it } from 'vitest';
import { kpiQuerySchema } from '../../../shared/contract/kpi';
import { customerInputSchema } from '../../../shared/domain/customer';
import { segmentFields } from '../../../shared/segments/segmentFields';
import { parseRule } from '../../../shared/segments/segmentText';
import { kpiDashboard } from './dashboard';
import { DAY, openTestFile, shoesBought } from './testFile';

const clock = new Date(2026, 5, 15, 9).getTime();

/** Ana bought twice (120 + 30), Bob once (80, on the website), Eve never. */
async function shop() {
  const file = await openTestFile(clock);
  const add = (firstName: string, city: string) =>
    file.customers.create(customerInputSchema.parse({ firstName, lastName: 'Test', city }));
  const ana = await add('Ana', 'Lyon');
  const bob = await add('Bob', 'Paris');
  await add('Eve', 'Paris');
  const buy = (customerId: string, daysAgo: number, euros: number, channel?: string) =>
    file.addPurchase(shoesBought(clock, customerId, daysAgo, euros, channel));
  await buy(ana.id, 10, 120);
  await buy(ana.id, 40, 30);
  await buy(bob.id, 5, 80, 'Website');
  return { file, ana, bob };
}

const query = (extra: Record<string, unknown> = {}) =>
  kpiQuerySchema.parse({ from: clock - 90 * DAY, to: clock + DAY, bucket: 'month', ...extra });

describe('the owner dashboard', () => {
  it('answers every KPI over the file, with names and channels, and no id lists', async () => {
    const { file, ana } = await shop();
    const board = await kpiDashboard(file, query());
    expect(board.period).toMatchObject({ revenueMinor: 23_000, orders: 3, buyers: 2 });
    expect(board.period.averageBasketMinor).toBe(7667); // 230.00 / 3, to the cent
    expect(board.topCustomers[0]).toMatchObject({
      id: ana.id,
      name: 'Ana Test',
      revenueMinor: 15_000,
    });
    expect(board.channels).toEqual(['Shop', 'Website']);
    expect(JSON.stringify(board)).not.toContain('"ids"');
    expect(board.series.reduce((n, p) => n + p.orders, 0)).toBe(3);
  });

  it('keeps to a saved segment, a channel or a city', async () => {
    const { file } = await shop();
    const lyon = await file.segments.save({
      name: 'Lyon',
      description: '',
      rule: parseRule('city = "Lyon"', segmentFields([])),
    });
    expect((await kpiDashboard(file, query({ segment: lyon.id }))).period.orders).toBe(2);
    expect((await kpiDashboard(file, query({ channel: 'website' }))).period.orders).toBe(1);
    expect((await kpiDashboard(file, query({ city: 'PARIS' }))).period.revenueMinor).toBe(8000);
  });

  it('refuses a period that ends before it starts or lasts more than ten years', () => {
    expect(() => query({ to: clock - 100 * DAY })).toThrow(/invalidPeriod/);
    expect(() => query({ from: 0 })).toThrow(/invalidPeriod/);
  });
});
