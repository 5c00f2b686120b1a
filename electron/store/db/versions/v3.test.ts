import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyV1 } from './v1';
import { applyV2 } from './v2';
import { applyV3 } from './v3';

describe('schema v2 → v3', () => {
  it('keeps every page row and its blind indexes, which are no longer IndexedDB keys', async () => {
    const name = `v3-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    applyV1(v2);
    applyV2(v2);
    const row = {
      id: 'customers:0',
      table: 'customers',
      iv: new Uint8Array(12),
      data: new Uint8Array([1, 2, 3]),
      count: 1,
      updatedAt: 7,
      emailIndex: ['9f2c'],
      phoneIndex: [],
    };
    await v2.table('pages').put(row);
    v2.close();

    // v3 alone: v5 drops the hashes from the rows (v5.test).
    const db = new Dexie(name);
    applyV1(db);
    applyV2(db);
    applyV3(db);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.table('pages').get('customers:0')).toEqual(row);
    expect(db.table('pages').schema.indexes.map((i) => i.name)).toEqual(['table']);
  });
});
