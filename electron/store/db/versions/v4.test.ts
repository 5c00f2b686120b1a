import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyV1 } from './v1';
import { applyV2 } from './v2';
import { applyV3 } from './v3';
import { applyV4 } from './v4';

describe('schema v3 → v4', () => {
  it('keeps every page row and adds an empty table for a restore staged beside them', async () => {
    const name = `v4-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    applyV1(v3);
    applyV2(v3);
    applyV3(v3);
    const row = {
      id: 'customers:0',
      table: 'customers',
      iv: new Uint8Array(12),
      data: new Uint8Array([1, 2, 3]),
      count: 1,
      updatedAt: 7,
      emailIndex: [],
      phoneIndex: [],
    };
    await v3.table('pages').put(row);
    v3.close();

    // v4 alone: v5 drops the hashes from the rows (v5.test).
    const db = new Dexie(name);
    for (const apply of [applyV1, applyV2, applyV3, applyV4]) apply(db);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.table('pages').toArray()).toEqual([row]);
    expect(await db.table('pendingPages').count()).toBe(0);
  });
});
