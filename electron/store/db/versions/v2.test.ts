import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { EMPTY_CUSTOMER_FIELDS, upgradeCustomer } from '../../../../shared/domain/customer';
import { randomBytes } from '../../../../shared/vault/bytes';
import { StoreRuntime } from '../../storeRuntime';
import { openDatabase } from '../database';
import { applyV1 } from './v1';

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

describe('schema v1 → v2', () => {
  it('keeps v1 clear rows through the upgrade, then seals them into pages at the first unlock', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    applyV1(v1);
    const written = Array.from({ length: 700 }, (_, i) => clearCustomer(i));
    await v1.table('customers').bulkAdd(written);
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3); // v2, then v3 (blind indexes no longer IndexedDB keys)
    expect(await db.customers.count()).toBe(700); // Nothing lost before a key is available.

    const key = randomBytes(32);
    const runtime = new StoreRuntime(db);
    expect(await runtime.unlock(key.slice())).toEqual({ customers: 700, damaged: [] });
    expect(await db.customers.count()).toBe(0);
    expect(await db.pages.count()).toBe(2);
    // Read back in the current shape: every later field added empty, nothing of v1 lost.
    expect(runtime.customers().get('v1-3')).toEqual(upgradeCustomer(written[3]!));

    // And it is all there for the next process, from the encrypted pages alone.
    const next = new StoreRuntime(openDatabase(name));
    expect(await next.unlock(key.slice())).toEqual({ customers: 700, damaged: [] });
    expect(next.customers().get('v1-699')).toEqual(upgradeCustomer(written[699]!));
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
