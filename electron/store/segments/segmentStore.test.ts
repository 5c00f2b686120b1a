import { beforeEach, describe, expect, it } from 'vitest';
import { customerInputSchema } from '../../../shared/domain/customer';
import { purchaseInputSchema } from '../../../shared/domain/purchase';
import { segmentFields } from '../../../shared/segments/segmentFields';
import { parseRule } from '../../../shared/segments/segmentText';
import { randomBytes } from '../../../shared/vault/bytes';
import { PageCipher } from '../crypto/pageCipher';
import { openDatabase, type ComptoirDatabase } from '../db/database';
import { Session } from '../session';

let db: ComptoirDatabase;
let cipher: PageCipher;
let seq = 0;
let clock = new Date(2026, 5, 15, 9).getTime();
const options = { now: () => clock, newId: () => `id${++seq}` };
const open = async () => (await Session.open(db, cipher, options)).session;
const rule = (text: string) => parseRule(text, segmentFields([]));
const DAY = 86_400_000;

beforeEach(async () => {
  db = openDatabase(`segments-${crypto.randomUUID()}`);
  cipher = await PageCipher.fromDataKey(randomBytes(32));
  seq = 0;
  clock = new Date(2026, 5, 15, 9).getTime();
});

/** Three customers; Ana bought running shoes twice. */
async function shop() {
  const file = await open();
  const add = (firstName: string, city: string, tags: string[] = []) =>
    file.customers.create(customerInputSchema.parse({ firstName, lastName: 'Test', city, tags }));
  const ana = await add('Ana', 'Lyon', ['vip']);
  const bob = await add('Bob', 'Lyon');
  const eve = await add('Eve', 'Paris', ['vip']);
  const buy = (customerId: string, daysAgo: number) =>
    file.addPurchase(
      purchaseInputSchema.parse({
        customerId,
        at: clock - daysAgo * DAY,
        currency: 'EUR',
        lines: [
          { product: 'Trail shoes', category: 'Running', quantity: 1, unitPriceMinor: 12_000 },
        ],
      }),
    );
  await buy(ana.id, 10);
  await buy(ana.id, 40);
  return { file, ana, bob, eve };
}

describe('saved segments', () => {
  it('counts a rule live, saves it, lists it with its size and keeps it encrypted across a lock', async () => {
    const { file, ana, bob } = await shop();
    await file.segments.prepare(); // what the runtime does once the history is open
    expect(await file.segments.count(rule('city = "lyon"'))).toMatchObject({
      count: 2,
      all: 3,
      sample: [
        { id: ana.id, name: 'Ana Test', city: 'Lyon' },
        { id: bob.id, name: 'Bob Test', city: 'Lyon' },
      ],
    });
    expect(
      (await file.segments.count(rule('bought(category = "running", times >= 2, within 60d)')))
        .count,
    ).toBe(1);
    const saved = await file.segments.save({
      name: ' Lyonnais ',
      description: 'Everyone in Lyon',
      rule: rule('city = "Lyon"'),
    });
    expect(saved).toMatchObject({ name: 'Lyonnais', createdAt: clock, updatedAt: clock });
    expect([...(await file.segments.memberIds(saved.id))].sort()).toEqual([ana.id, bob.id].sort());
    const listed = await file.segments.list();
    expect(listed).toMatchObject([
      { name: 'Lyonnais', size: 2, problem: null, sizes: [{ day: '2026-06-15', size: 2 }] },
    ]);
    // The next unlock reads it back, with today's size.
    const again = await open();
    expect(await again.segments.list()).toMatchObject([
      { id: saved.id, size: 2, sizes: [{ day: '2026-06-15', size: 2 }] },
    ]);
  });

  it('writes down each segment’s size once a day', async () => {
    const { file } = await shop();
    const saved = await file.segments.save({
      name: 'VIP',
      description: '',
      rule: rule('tags has "vip"'),
    });
    await file.segments.list();
    await file.segments.list();
    clock += DAY;
    await file.customers.create(customerInputSchema.parse({ firstName: 'Zoé', tags: ['VIP'] }));
    await file.segments.list();
    expect(file.segments.get(saved.id).sizes).toEqual([
      { day: '2026-06-15', size: 2 },
      { day: '2026-06-16', size: 3 },
    ]);
  });

  it('membership follows the customers: a change shows in the next count', async () => {
    const { file, bob } = await shop();
    const saved = await file.segments.save({
      name: 'Lyon',
      description: '',
      rule: rule('city = "Lyon"'),
    });
    expect((await file.segments.memberIds(saved.id)).size).toBe(2);
    await file.updateCustomer(bob.id, { city: 'Nice' }, bob.version);
    expect((await file.segments.memberIds(saved.id)).size).toBe(1);
  });

  it('names are unique; a rename is carried into the rules that use it; cycles are refused', async () => {
    const { file } = await shop();
    const lyon = await file.segments.save({
      name: 'Lyon',
      description: '',
      rule: rule('city = "Lyon"'),
    });
    await expect(
      file.segments.save({ name: 'lyon', description: '', rule: rule('city = "Paris"') }),
    ).rejects.toThrow('A segment is already named "Lyon"');
    const vip = await file.segments.save({
      name: 'VIP in Lyon',
      description: '',
      rule: rule('in_segment "Lyon" and tags has "vip"'),
    });
    expect((await file.segments.memberIds(vip.id)).size).toBe(1);
    await file.segments.save({ id: lyon.id, name: 'Lyon city', description: '', rule: lyon.rule });
    expect(file.segments.get(vip.id).rule.rules[0]).toEqual({ kind: 'segment', name: 'Lyon city' });
    expect((await file.segments.memberIds(vip.id)).size).toBe(1);
    await expect(
      file.segments.save({
        id: lyon.id,
        name: 'Lyon city',
        description: '',
        rule: rule('in_segment "VIP in Lyon"'),
      }),
    ).rejects.toThrow('would include itself');
    await expect(
      file.segments.save({ name: 'Ghost', description: '', rule: rule('in_segment "Nobody"') }),
    ).rejects.toThrow('There is no saved segment "Nobody"');
  });

  it('duplicates under a free name; refuses to delete a segment still used', async () => {
    const { file } = await shop();
    const lyon = await file.segments.save({
      name: 'Lyon',
      description: 'd',
      rule: rule('city = "Lyon"'),
    });
    const copyName = (name: string, n: number) => `${name} (copy${n > 1 ? ` ${n}` : ''})`;
    expect((await file.segments.duplicate(lyon.id, copyName)).name).toBe('Lyon (copy)');
    expect((await file.segments.duplicate(lyon.id, copyName)).name).toBe('Lyon (copy 2)');
    const user = await file.segments.save({
      name: 'Uses',
      description: '',
      rule: rule('in_segment "Lyon"'),
    });
    await expect(file.segments.remove(lyon.id)).rejects.toThrow('"Lyon" is used by "Uses"');
    await file.segments.remove(user.id);
    await file.segments.remove(lyon.id);
    expect((await file.segments.list()).map((s) => s.name)).toEqual([
      'Lyon (copy 2)',
      'Lyon (copy)',
    ]);
    expect((await (await open()).segments.list()).map((s) => s.name)).toEqual([
      'Lyon (copy 2)',
      'Lyon (copy)',
    ]);
  });
});
