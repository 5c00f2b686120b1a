import Dexie, { type EntityTable } from 'dexie';
import type { KeptBackup } from '../../../shared/contract/vaultTypes';
import { AppError } from '../../../shared/errors';
import type { Bytes } from '../../../shared/vault/bytes';
import { keptBackupName, keptInOrder, type KeptBackups } from '../../../shared/vault/keptBackups';

type KeptDatabase = Dexie & {
  /** What the Backups dialog lists (small rows). */
  kept: EntityTable<KeptBackup, 'name'>;
  /** The backup files themselves, read only to be saved. */
  files: EntityTable<{ name: string; bytes: Bytes }, 'name'>;
};

/**
 * Browser mode keeps the backups made before a restore in an IndexedDB database of its own,
 * beside the customer file's (it has no folder to write into): each is a backup file as the user
 * would save it, still encrypted under the passphrase the replaced file had. A database apart,
 * so the customer file's schema and its restore switch stay as they are.
 */
export function keptBackupsDatabase(fileDbName: string): KeptBackups {
  const db = new Dexie(`${fileDbName}-before-restore`) as KeptDatabase;
  db.version(1).stores({ kept: 'name', files: 'name' });
  return {
    keep: (made, at) =>
      db.transaction('rw', db.kept, db.files, async () => {
        const all = await db.kept.toArray();
        const name = keptBackupName(at, new Set(all.map((k) => k.name)));
        const entry = { name, keptAt: at, records: made.records };
        await db.kept.add(entry);
        await db.files.add({ name, bytes: made.bytes });
        const dropped = keptInOrder([...all, entry]).dropped.map((k) => k.name);
        await db.kept.bulkDelete(dropped);
        await db.files.bulkDelete(dropped);
        return name;
      }),
    list: async () => keptInOrder(await db.kept.toArray()).kept,
    read: async (name) => {
      const row = await db.files.get(name);
      if (!row) throw new AppError('NOT_FOUND', `No backup kept before a restore is named ${name}`);
      return row.bytes;
    },
  };
}
