import type Dexie from 'dexie';

/**
 * Version 4: `pendingPages` holds a restore's pages until the key that opens them is the
 * file's key (see backup/pendingRestore): the pages and the key are written in two places,
 * so the switch from the old file to the backup's happens in one transaction at the next unlock.
 */
export function applyV4(db: Dexie): void {
  db.version(4).stores({
    pages: 'id, table',
    pendingPages: 'id',
    quarantine: 'id',
    meta: 'key',
  });
}
