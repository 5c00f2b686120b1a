import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { applyV1 } from './v1';
import { applyV2 } from './v2';
import { applyV3 } from './v3';

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

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.pages.toArray()).toEqual([row]);
    expect(await db.pendingPages.count()).toBe(0);
  });
});
