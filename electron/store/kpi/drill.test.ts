import { describe, expect, it } from 'vitest';
import { NO_LIST_FILTER, type ListFilter } from '../../../shared/contract/customers';
import { kpiDrillSchema } from '../../../shared/contract/kpi';
import { customerInputSchema } from '../../../shared/domain/customer';
import { segmentFields } from '../../../shared/segments/segmentFields';
import { parseRule } from '../../../shared/segments/segmentText';
import { kpiPickIds, listMembers } from './drill';
import { DAY, openTestFile, shoesBought } from './testFile';

const clock = new Date(2026, 5, 15, 9).getTime();

/**
 * Six customers; with the default settings, as of `clock + 1 day` (days since the last order,
 * orders → R, F → group; inactive when the last order is over 180 days old):
 * Ana   Lyon   10 d, 40 d                 11 d, 2 → R5 F2 potential loyalist
 * Bob   Paris   5 d (website)              6 d, 1 → R5 F1 new customer
 * Eve   Paris  never                       no group
 * Cleo  Lyon   400 d, 300 d, 200 d       201 d, 3 → R2 F3 at risk, inactive
 * Dan   Paris  500 d                     501 d, 1 → R1 F1 lost, inactive
 * Fay   Paris  250 d, 220 d, 200 d (web) 201 d, 3 → R2 F3 at risk, inactive
 */
async function shop() {
  const file = await openTestFile(clock);
  const add = async (firstName: string, city: string) =>
    (await file.customers.create(customerInputSchema.parse({ firstName, lastName: 'T', city }))).id;
  const buy = (customerId: string, daysAgo: number, channel?: string) =>
    file.addPurchase(shoesBought(clock, customerId, daysAgo, 50, channel));
  const ana = await add('Ana', 'Lyon');
  const bob = await add('Bob', 'Paris');
  const eve = await add('Eve', 'Paris');
  const cleo = await add('Cleo', 'Lyon');
  const dan = await add('Dan', 'Paris');
  const fay = await add('Fay', 'Paris');
  for (const days of [10, 40]) await buy(ana, days);
  await buy(bob, 5, 'Website');
  for (const days of [400, 300, 200]) await buy(cleo, days);
  await buy(dan, 500);
  for (const days of [250, 220, 200]) await buy(fay, days, 'Website');
  const segment = (name: string, rule: string, id?: string) =>
    file.segments.save({ id, name, description: '', rule: parseRule(rule, segmentFields([])) });
  return { file, buy, segment, ids: { ana, bob, eve, cleo, dan, fay } };
}

const drill = (pick: unknown, query: Record<string, unknown> = {}) =>
  kpiDrillSchema.parse({
    query: { from: clock - 90 * DAY, to: clock + DAY, bucket: 'month', ...query },
    pick,
  });
const atRisk = { kind: 'rfm', group: 'atRisk' };
const inactive = { kind: 'inactive' };
const sorted = (ids: ReadonlySet<string> | undefined) => (ids ? [...ids].sort() : ids);

describe('the customers behind a dashboard figure', () => {
  it('are the RFM group or the inactive customers the dashboard counted', async () => {
    const { file, ids } = await shop();
    const pick = async (p: unknown) => sorted(await kpiPickIds(file, drill(p)));
    expect(await pick(atRisk)).toEqual([ids.cleo, ids.fay].sort());
    expect(await pick({ kind: 'rfm', group: 'lost' })).toEqual([ids.dan]);
    expect(await pick({ kind: 'rfm', group: 'potentialLoyalists' })).toEqual([ids.ana]);
    expect(await pick({ kind: 'rfm', group: 'newCustomers' })).toEqual([ids.bob]);
    expect(await pick({ kind: 'rfm', group: 'champions' })).toEqual([]);
    expect(await pick(inactive)).toEqual([ids.cleo, ids.dan, ids.fay].sort());
  });

  it('keep to the dashboard’s city, channel, segment and settings', async () => {
    const { file, ids, segment } = await shop();
    const pick = async (p: unknown, q: Record<string, unknown>) =>
      sorted(await kpiPickIds(file, drill(p, q)));
    expect(await pick(atRisk, { city: 'LYON' })).toEqual([ids.cleo]);
    // Only website orders count: Fay's three, Bob's one.
    expect(await pick(atRisk, { channel: 'website' })).toEqual([ids.fay]);
    expect(await pick(inactive, { channel: 'website' })).toEqual([ids.fay]);
    const paris = await segment('Paris', 'city = "Paris"');
    expect(await pick(atRisk, { segment: paris.id })).toEqual([ids.fay]);
    // Inactive after a year: only Dan's last order (501 days) is older.
    const settings = {
      inactiveDays: 365,
      recencyDays: [30, 90, 180, 365],
      frequencyOrders: [2, 3, 5, 10],
      monetaryMinor: [5000, 15000, 40000, 100000],
    };
    expect(await pick(inactive, { settings })).toEqual([ids.dan]);
  });

  it('are counted as of the period’s end', async () => {
    const { file, ids } = await shop();
    // Ending 190 days ago: Cleo and Fay ordered 10 days before it (R5, F3), Dan 310 (R2, F1),
    // Ana and Bob not yet; only Dan's last order is over 180 days old.
    const before = { from: clock - 280 * DAY, to: clock - 190 * DAY };
    const pick = async (p: unknown) => sorted(await kpiPickIds(file, drill(p, before)));
    expect(await pick({ kind: 'rfm', group: 'potentialLoyalists' })).toEqual(
      [ids.cleo, ids.fay].sort(),
    );
    expect(await pick({ kind: 'rfm', group: 'hibernating' })).toEqual([ids.dan]);
    expect(await pick(atRisk)).toEqual([]);
    expect(await pick(inactive)).toEqual([ids.dan]);
  });

  it('follow purchases, deleted customers and a changed segment', async () => {
    const { file, ids, buy, segment } = await shop();
    const pick = async (p: unknown, q: Record<string, unknown> = {}) =>
      sorted(await kpiPickIds(file, drill(p, q)));
    expect(await pick(inactive)).toEqual([ids.cleo, ids.dan, ids.fay].sort());
    // Dan orders today: 1 day before the end, 2 orders (R5 F2).
    await buy(ids.dan, 0);
    expect(await pick(inactive)).toEqual([ids.cleo, ids.fay].sort());
    expect(await pick({ kind: 'rfm', group: 'potentialLoyalists' })).toEqual(
      [ids.ana, ids.dan].sort(),
    );
    await file.deleteCustomers([ids.cleo]);
    expect(await pick(atRisk)).toEqual([ids.fay]);
    const chosen = await segment('Chosen', 'city = "Paris"');
    expect(await pick(inactive, { segment: chosen.id })).toEqual([ids.fay]);
    await segment('Chosen', 'city = "Lyon"', chosen.id);
    expect(await pick(inactive, { segment: chosen.id })).toEqual([]);
  });
});

describe('the members a list filter keeps', () => {
  it('are a segment’s, a figure’s, or those in both', async () => {
    const { file, ids, segment } = await shop();
    const lyon = await segment('Lyon', 'city = "Lyon"');
    const filter = (f: Partial<ListFilter>): ListFilter => ({ ...NO_LIST_FILTER, ...f });
    expect(await listMembers(file, undefined)).toBeUndefined();
    expect(await listMembers(file, filter({ statuses: ['customer'], tag: 'vip' }))).toBeUndefined();
    expect(sorted(await listMembers(file, filter({ segment: lyon.id })))).toEqual(
      [ids.ana, ids.cleo].sort(),
    );
    expect(sorted(await listMembers(file, filter({ kpi: drill(inactive) })))).toEqual(
      [ids.cleo, ids.dan, ids.fay].sort(),
    );
    expect(
      sorted(await listMembers(file, filter({ segment: lyon.id, kpi: drill(inactive) }))),
    ).toEqual([ids.cleo]);
    expect(
      sorted(
        await listMembers(
          file,
          filter({ segment: lyon.id, kpi: drill({ kind: 'rfm', group: 'lost' }) }),
        ),
      ),
    ).toEqual([]);
  });

  it('are who ordered in a sales bar, or a cohort or cohort cell', async () => {
    const { file, ids } = await shop();
    const june = new Date(2026, 5, 1).getTime();
    const bar = (who: string) => kpiPickIds(file, drill({ kind: 'bucket', start: june, who }));
    // June: Ana ordered again (her first order was in May), Bob for the first time.
    expect(sorted(await bar('all'))).toEqual([ids.ana, ids.bob].sort());
    expect(sorted(await bar('new'))).toEqual([ids.bob]);
    expect(sorted(await bar('returning'))).toEqual([ids.ana]);
    // Fay's first order was in October 2025, her next ones in November.
    const october = new Date(2025, 9, 1).getTime();
    const cohort = (offset: number | null) =>
      kpiPickIds(file, drill({ kind: 'cohort', month: october, offset }));
    expect(sorted(await cohort(null))).toEqual([ids.fay]);
    expect(sorted(await cohort(0))).toEqual([ids.fay]);
    expect(sorted(await cohort(1))).toEqual([ids.fay]);
    expect(sorted(await cohort(2))).toEqual([]);
    expect(() => drill({ kind: 'cohort', month: october, offset: 12 })).toThrow();
  });
});
