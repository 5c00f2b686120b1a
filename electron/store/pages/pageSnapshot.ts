import type { SealedManifest } from '../../../shared/vault/pageManifest';
import type { ComptoirDatabase, PageRow } from '../db/database';
import { readManifest } from './manifestRow';

/**
 * Every sealed page as read at one moment, with the file's page version then. The runtime reads
 * one while the file is locked (the lock screen, the key derivation), so that unlocking only
 * decrypts: the rows are ciphertext, so holding them before the key arrives reveals nothing.
 */
export interface PageSnapshot {
  version: number;
  /** Rows by table, for the tables read. */
  tables: ReadonlyMap<string, PageRow[]>;
  /** The file's sealed manifest as it was then (null: none yet). */
  manifest: SealedManifest | null;
}

const VERSION_KEY = 'pagesVersion';

/** Counts every write to the pages: a snapshot is current while the count has not moved. */
export async function pagesVersion(db: ComptoirDatabase): Promise<number> {
  const value = (await db.meta.get(VERSION_KEY))?.value;
  return typeof value === 'number' ? value : 0;
}

/** Call inside a read-write transaction over `db.meta` that writes pages. */
export async function bumpPagesVersion(db: ComptoirDatabase): Promise<void> {
  await db.meta.put({ key: VERSION_KEY, value: (await pagesVersion(db)) + 1 });
}

/**
 * Reads the pages of some tables and the version in one transaction, so they agree. A table
 * the snapshot does not hold is read from the database when it is opened.
 */
export async function readSnapshot(
  db: ComptoirDatabase,
  tables: readonly string[],
): Promise<PageSnapshot> {
  return db.transaction('r', db.pages, db.meta, async () => {
    const version = await pagesVersion(db);
    const read = new Map<string, PageRow[]>(tables.map((t) => [t, []]));
    for (const row of await db.pages.where('table').anyOf(tables).toArray())
      read.get(row.table)!.push(row);
    const manifest = await readManifest(db);
    return { version, tables: read, manifest };
  });
}

/** The snapshot if nothing was written since it was read, else null (read the pages again). */
export async function ifCurrent(
  db: ComptoirDatabase,
  snapshot: PageSnapshot | null,
): Promise<PageSnapshot | null> {
  if (!snapshot) return null;
  return (await pagesVersion(db)) === snapshot.version ? snapshot : null;
}
