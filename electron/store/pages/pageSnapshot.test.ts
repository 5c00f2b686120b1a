import { beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../../shared/domain/customer';
import { testCustomer } from '../../../shared/domain/testCustomer';
import { randomBytes } from '../../../shared/vault/bytes';
import { PageCipher } from '../crypto/pageCipher';
import { openDatabase, type ComptoirDatabase } from '../db/database';
import { ifCurrent, readSnapshot } from './pageSnapshot';
import { RecordPages } from './recordPages';

let db: ComptoirDatabase;
let cipher: PageCipher;
const customer = (i: number): Customer =>
  testCustomer(`id-${i}`, { firstName: 'Zoé', lastName: `Nom${i}`, createdAt: 1, updatedAt: 1 });

beforeEach(async () => {
  db = openDatabase(`snapshot-${crypto.randomUUID()}`);
  cipher = await PageCipher.fromDataKey(randomBytes(32));
});

async function saved(customers: Customer[]) {
  const pages = new RecordPages<Customer>(db, cipher, 'customers');
  await pages.loadAll();
  await pages.save({ put: customers, remove: [] }, () => undefined);
  return pages;
}

describe('pages read ahead while locked', () => {
  it('holds only the tables asked for; another table is read from the database', async () => {
    await saved([customer(1)]);
    const other = new RecordPages<Customer>(db, cipher, 'purchases');
    await other.loadAll();
    await other.save({ put: [customer(7)], remove: [] }, () => undefined);
    const snapshot = await readSnapshot(db, ['customers', 'segments']);
    expect([...snapshot.tables.keys()]).toEqual(['customers', 'segments']);
    expect(snapshot.tables.get('segments')).toEqual([]);
    const reopened = new RecordPages<Customer>(db, cipher, 'purchases', { snapshot });
    expect((await reopened.loadAll()).records.map((r) => r.id)).toEqual(['id-7']);
  });

  it('holds every page by table, and only ciphertext', async () => {
    await saved([customer(1), customer(2)]);
    const snapshot = await readSnapshot(db, ['customers']);
    const rows = snapshot.tables.get('customers')!;
    expect(rows).toHaveLength(1);
    expect(new TextDecoder().decode(rows[0]!.data)).not.toContain('Zoé');
  });

  it('stays current until a page is written, and then no longer is', async () => {
    const pages = await saved([customer(1)]);
    const snapshot = await readSnapshot(db, ['customers']);
    expect(await ifCurrent(db, snapshot)).toBe(snapshot);
    await pages.save({ put: [customer(2)], remove: [] }, () => undefined);
    expect(await ifCurrent(db, snapshot)).toBeNull();
  });

  it('opens from a current snapshot without reading the pages again', async () => {
    await saved([customer(1), customer(2)]);
    const snapshot = await readSnapshot(db, ['customers']);
    // Deleting the rows after the snapshot proves the load used the snapshot's rows.
    await db.pages.clear();
    const pages = new RecordPages<Customer>(db, cipher, 'customers', { snapshot });
    const { records } = await pages.loadAll();
    expect(records.map((r) => r.id).sort()).toEqual(['id-1', 'id-2']);
    // Used once: a second load reads the (now empty) table.
    expect((await pages.loadAll()).records).toEqual([]);
  });
});
