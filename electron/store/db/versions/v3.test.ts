import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../../../shared/vault/bytes';
import { PageCipher } from '../../crypto/pageCipher';
import { findCustomerPages } from '../../customers/customerIndexer';
import { openDatabase } from '../database';
import { applyV1 } from './v1';
import { applyV2 } from './v2';

describe('schema v2 → v3', () => {
  it('keeps every page row and its blind indexes, which are no longer IndexedDB keys', async () => {
    const name = `v3-${crypto.randomUUID()}`;
    const cipher = await PageCipher.fromDataKey(randomBytes(32));
    const hash = cipher.blindIndexNow('email', 'zoe@exemple.fr');
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
      emailIndex: [hash],
      phoneIndex: [],
    };
    await v2.table('pages').put(row);
    v2.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.pages.get('customers:0')).toEqual(row);
    expect(db.pages.schema.indexes.map((i) => i.name)).toEqual(['table']);
    // Still found by its hash, without the key, by reading the rows.
    expect(await findCustomerPages(db, cipher, 'email', ' Zoe@Exemple.fr ')).toEqual([
      'customers:0',
    ]);
    expect(await findCustomerPages(db, cipher, 'email', 'other@exemple.fr')).toEqual([]);
  });
});
