import { readManifest } from '../../pages/manifestRow';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { upgradeCustomer } from '../../../../shared/domain/customer';
import { testCustomer } from '../../../../shared/domain/testCustomer';
import { randomBytes, type Bytes } from '../../../../shared/vault/bytes';
import { PageCipher } from '../../crypto/pageCipher';
import { restoreKeyCheck } from '../../../../shared/vault/restoreKeyCheck';
import { stageRestore } from '../../backup/pendingRestore';
import { openCustomerPages } from '../../session';
import { StoreRuntime } from '../../storeRuntime';
import { openDatabase, type ComptoirDatabase } from '../database';
import { applyV1 } from './v1';
import { applyV2 } from './v2';
import { applyV3 } from './v3';
import { applyV4 } from './v4';
import { FIRST_SCHEMA_CUSTOMERS } from './v5';

/** A database as version 4 left it: every version up to 4, none after. */
function openV4(name: string): Dexie {
  const db = new Dexie(name);
  for (const apply of [applyV1, applyV2, applyV3, applyV4]) apply(db);
  return db;
}

/** Every row of every object store on disk (whatever the schema declares), bytes as Latin-1. */
async function everythingStored(name: string): Promise<string> {
  const raw = new Dexie(name); // no version declared: opens the stores that exist
  await raw.open();
  const tables = await Promise.all(raw.tables.map(async (t) => [t.name, await t.toArray()]));
  raw.close();
  return JSON.stringify(tables, (_key, value: unknown) =>
    value instanceof Uint8Array ? new TextDecoder('latin1').decode(value) : value,
  );
}

/** A file as version 1 left it: 700 customers in clear. */
async function v1File(name: string) {
  const v1 = new Dexie(name);
  applyV1(v1);
  const written = Array.from({ length: 700 }, (_, i) => ({
    id: `v1-${i}`,
    firstName: 'Hélène',
    lastName: `Lefèvre${i}`,
    email: `helene${i}@orange.fr`,
    phone: '06 12 34 56 78',
    city: 'Villeurbanne',
    tags: ['vip'],
    createdAt: 5,
    updatedAt: 6,
    version: 2,
  }));
  await v1.table('customers').bulkAdd(written);
  v1.close();
  return written;
}

const unlock = (db: ComptoirDatabase, key: Bytes) => new StoreRuntime(db).unlock(key.slice());

describe('schema v4 → v5', () => {
  it('drops the blind indexes from every page row; the same records open', async () => {
    const name = `v5-${crypto.randomUUID()}`;
    const key = randomBytes(32);
    const cipher = await PageCipher.fromDataKey(key.slice());
    const v4 = openV4(name);
    const written = Array.from({ length: 600 }, (_, i) =>
      testCustomer(`c${i}`, { lastName: `Nom${i}`, email: `zoe${i}@exemple.fr`, phone: '+33612' }),
    );
    const pages = openCustomerPages(v4 as ComptoirDatabase, cipher);
    await pages.loadAll();
    await pages.save({ put: written, remove: [] }, () => undefined);
    // Sealed as v4 sealed them: `table/id` only, no version (nor a manifest, which came later).
    for (const row of await v4.table('pages').toArray()) {
      const records = await cipher.open(row.table, row.id, row, row.version);
      const { version: _version, ...old } = row;
      await v4.table('pages').put({ ...old, ...(await cipher.seal(row.table, row.id, records)) });
    }
    // The hashes v4 filed beside each page (a damaged page in quarantine, a staged restore too).
    const withIndexes = { emailIndex: ['9f2c'], phoneIndex: ['41aa'] };
    await v4.table('pages').toCollection().modify(withIndexes);
    const [first] = await v4.table('pages').toArray();
    await v4.table('quarantine').put({ ...first, id: 'q', quarantinedAt: 1, reason: 'test' });
    await v4.table('pendingPages').put({ ...first, id: 'p' });
    const before = await v4.table('pages').toArray();
    expect(before[0]).toMatchObject(withIndexes);
    v4.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    const after = await db.pages.toArray();
    const strip = ({ emailIndex: _e, phoneIndex: _p, ...row }: Record<string, unknown>) => row;
    expect(after).toEqual(before.map(strip));
    for (const row of [
      ...after,
      ...(await db.quarantine.toArray()),
      ...(await db.pendingPages.toArray()),
    ]) {
      expect(row).not.toHaveProperty('emailIndex');
      expect(row).not.toHaveProperty('phoneIndex');
    }
    await db.pendingPages.clear(); // not a restore this test is about
    const runtime = new StoreRuntime(db);
    expect(await runtime.unlock(key.slice())).toEqual({ customers: 600, damaged: [] });
    expect(runtime.customers().get('c599')).toEqual(written[599]);
  });

  it('seals the clear customers of a v1 file never opened since, and leaves none in clear', async () => {
    const name = `v1-v5-${crypto.randomUUID()}`;
    const written = await v1File(name);

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.backendDB().objectStoreNames.contains('customers')).toBe(false);
    // No key yet: the rows wait, read once, for the first unlock.
    const held = (await db.meta.get(FIRST_SCHEMA_CUSTOMERS))?.value as { id: string }[];
    expect(held.map((c) => c.id).sort()).toEqual(written.map((c) => c.id).sort());
    expect(held.find((c) => c.id === 'v1-3')).toEqual(written[3]);

    const key = randomBytes(32);
    const runtime = new StoreRuntime(db);
    expect(await runtime.unlock(key.slice())).toEqual({ customers: 700, damaged: [] });
    expect(runtime.customers().get('v1-3')).toEqual(upgradeCustomer(written[3]!));
    expect(await db.meta.get(FIRST_SCHEMA_CUSTOMERS)).toBeUndefined();
    expect(await db.pages.count()).toBe(2);
    const stored = await everythingStored(name);
    expect(stored).toContain('pagesVersion'); // the scan reads the file
    expect(stored).not.toMatch(/Hélène|Lefèvre|helene|orange\.fr|06 12 34|Villeurbanne/);
    runtime.lock();
    db.close();

    // And it is all there for the next process, from the encrypted pages alone.
    expect(await unlock(openDatabase(name), key)).toEqual({ customers: 700, damaged: [] });
  });

  it('a restore over a v1 file never unlocked drops its clear rows with the file it replaces', async () => {
    const backupName = `backup-${crypto.randomUUID()}`;
    const backupKey = randomBytes(32);
    const backup = new StoreRuntime(openDatabase(backupName));
    await backup.unlock(backupKey.slice());
    await backup.customers().createMany([testCustomer('x', { lastName: 'Restauré' })]);
    const pages = await backup.db.pages.toArray();
    const manifest = await readManifest(backup.db);
    backup.lock();

    const name = `v1-restore-${crypto.randomUUID()}`;
    await v1File(name);
    const db = openDatabase(name);
    const here = new StoreRuntime(db);
    await stageRestore(db, pages, await restoreKeyCheck(backupKey), manifest);
    expect(await here.unlock(backupKey.slice())).toEqual({ customers: 1, damaged: [] });
    expect(await db.meta.get(FIRST_SCHEMA_CUSTOMERS)).toBeUndefined();
    expect(await everythingStored(name)).not.toMatch(/Hélène|Lefèvre|helene/);
  });
});
