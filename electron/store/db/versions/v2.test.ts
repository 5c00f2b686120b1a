import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { EMPTY_CUSTOMER_FIELDS } from '../../../../shared/domain/customer';
import { randomBytes } from '../../../../shared/vault/bytes';
import { StoreRuntime } from '../../storeRuntime';
import { openDatabase } from '../database';
import { applyV1 } from './v1';
import { applyV2 } from './v2';

/** A row as version 1 wrote it: only the fields customers had then. */
const clearCustomer = (i: number) => ({
  id: `v1-${i}`,
  firstName: 'Hélène',
  lastName: `Lefèvre${i}`,
  email: `helene${i}@orange.fr`,
  phone: '06 12 34 56 78',
  city: 'Lyon',
  tags: ['vip'],
  createdAt: 5,
  updatedAt: 6,
  version: 2,
});

const byId = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('schema v1 → v2', () => {
  it('keeps v1 clear rows through the upgrade, for the first unlock to seal (v5.test)', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    applyV1(v1);
    const written = Array.from({ length: 700 }, (_, i) => clearCustomer(i));
    await v1.table('customers').bulkAdd(written);
    v1.close();

    // v2 alone: v5 moves the rows out of the clear table (v5.test).
    const db = new Dexie(name);
    applyV1(db);
    applyV2(db);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.table('customers').toArray()).toEqual(byId(written)); // Nothing lost without a key.
    expect(await db.table('pages').count()).toBe(0);
  });

  it('a locked runtime forgets every record and answers LOCKED', async () => {
    const runtime = new StoreRuntime(openDatabase(`lock-${crypto.randomUUID()}`));
    expect(() => runtime.customers()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    await runtime.unlock(randomBytes(32));
    const store = runtime.customers();
    await store.createMany([{ ...EMPTY_CUSTOMER_FIELDS, firstName: 'A', lastName: 'B' }]);
    runtime.lock();
    expect(store.count).toBe(0);
    expect(() => runtime.customers()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
  });
});
