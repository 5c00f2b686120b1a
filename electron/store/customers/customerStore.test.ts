import { beforeEach, describe, expect, it } from 'vitest';
import { customerInputSchema, type CustomerDraft } from '../../../shared/domain/customer';
import { randomBytes } from '../../../shared/vault/bytes';
import { PageCipher } from '../crypto/pageCipher';
import { openDatabase, type ComptoirDatabase } from '../db/database';
import { Session, openCustomerPages } from '../session';
import { CustomerStore } from './customerStore';

let db: ComptoirDatabase;
let cipher: PageCipher;
let clock = 1_000;
let seq = 0;
const options = { now: () => clock++, newId: () => `c${++seq}` };
const input = (draft: CustomerDraft) => customerInputSchema.parse(draft);
/** Opens the file as a fresh process would: from the encrypted pages only. */
const open = async () => (await CustomerStore.open(openCustomerPages(db, cipher), options)).store;

/** The file as the handlers use it: edits and deletions go through the session. */
const openFile = async () => (await Session.open(db, cipher, options)).session;

beforeEach(async () => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  cipher = await PageCipher.fromDataKey(randomBytes(32));
  seq = 0;
});

describe('CustomerStore', () => {
  it('creates a customer that is still there when the file is opened again', async () => {
    const store = await open();
    const created = await store.create(
      input({ firstName: 'Hélène', lastName: 'Lefèvre', tags: ['vip'] }),
    );
    expect(created).toMatchObject({ id: 'c1', version: 1, firstName: 'Hélène', email: '' });
    expect((await open()).get('c1')).toEqual(created);
  });

  it('lists pages in accent-insensitive order, empty values last, both directions', async () => {
    const store = await open();
    for (const [lastName, city] of [
      ['Zola', 'Lyon'],
      ['Élie', ''],
      ['adam', 'Paris'],
      ['Eco', 'Évry'],
    ]) {
      await store.create(input({ lastName, city }));
    }
    const names = (field: 'name' | 'city', direction: 'asc' | 'desc') =>
      store.list({ offset: 0, limit: 10, sort: { field, direction } }).rows.map((c) => c.lastName);
    expect(names('name', 'asc')).toEqual(['adam', 'Eco', 'Élie', 'Zola']);
    expect(names('name', 'desc')).toEqual(['Zola', 'Élie', 'Eco', 'adam']);
    expect(names('city', 'asc')).toEqual(['Eco', 'Zola', 'adam', 'Élie']);
    expect(names('city', 'desc')).toEqual(['adam', 'Zola', 'Eco', 'Élie']);
    const page = store.list({ offset: 1, limit: 2, sort: { field: 'name', direction: 'asc' } });
    expect(page.total).toBe(4);
    expect(page.rows.map((c) => c.lastName)).toEqual(['Eco', 'Élie']);
  });

  it('answers a first page ahead of the full sort, and drops it after an edit', async () => {
    const file = await openFile();
    const store = file.customers;
    await store.create(input({ lastName: 'Martin' }));
    const noel = await store.create(input({ lastName: 'Noël' }));
    const sort = { field: 'name', direction: 'asc' } as const;
    expect(store.firstPage(sort).map((id) => store.get(id).lastName)).toEqual(['Martin', 'Noël']);
    await file.updateCustomer(noel.id, { lastName: 'Abel' }, 1);
    // The list is not sorted yet (the full sort waits for a timer): the first-page path answers.
    const { rows } = store.list({ offset: 0, limit: 10, sort });
    expect(rows.map((c) => c.lastName)).toEqual(['Abel', 'Martin']);
  });

  it('updates with optimistic concurrency and refuses a stale edit with CONFLICT', async () => {
    const file = await openFile();
    const created = await file.customers.create(input({ lastName: 'Martin' }));
    const updated = await file.updateCustomer(created.id, { city: 'Lyon' }, 1);
    expect(updated).toMatchObject({ city: 'Lyon', lastName: 'Martin', version: 2 });
    await expect(file.updateCustomer(created.id, { city: 'Nice' }, 1)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await open()).get(created.id).city).toBe('Lyon');
  });

  it('refuses an update that would leave no name nor email, and writes nothing', async () => {
    const file = await openFile();
    const store = file.customers;
    const created = await store.create(input({ lastName: 'Martin' }));
    await expect(file.updateCustomer(created.id, { lastName: '' }, 1)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect((await open()).get(created.id)).toMatchObject({ lastName: 'Martin', version: 1 });
    expect(store.get(created.id).version).toBe(1);
  });

  it('deletes, and says NOT_FOUND for an unknown id without deleting the others', async () => {
    const file = await openFile();
    const store = file.customers;
    const a = await store.create(input({ lastName: 'A' }));
    const b = await store.create(input({ lastName: 'B' }));
    await expect(file.deleteCustomers([a.id, 'nope'])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(store.count).toBe(2);
    expect(await file.deleteCustomers([a.id, a.id])).toBe(1);
    expect((await open()).count).toBe(1);
    expect(() => store.get(a.id)).toThrow(/No customer/);
    expect(
      store.list({ offset: 0, limit: 5, sort: { field: 'name', direction: 'asc' } }).rows,
    ).toEqual([b]);
  });

  it('creates many in one transaction, and a stop before it commits keeps nothing', async () => {
    const store = await open();
    const inputs = Array.from({ length: 1200 }, (_, i) => input({ lastName: `N${i}` }));
    let progressCalls = 0;
    await expect(
      store.createMany(inputs, {
        onProgress: () => progressCalls++,
        shouldStop: () => progressCalls >= 2,
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await db.pages.count()).toBe(0);
    expect(store.count).toBe(0);
    const done: number[] = [];
    await store.createMany(inputs, { onProgress: (n) => done.push(n) });
    expect(done).toEqual([500, 1000, 1200]);
    expect(await db.pages.count()).toBe(3);
    expect((await open()).count).toBe(1200);
  });
});
