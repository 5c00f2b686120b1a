import type Dexie from 'dexie';

/**
 * Version 2 (encrypted store): records live in encrypted pages; only ids, counts, times and
 * keyed blind indexes stay in clear. v1's clear `customers` table is kept until the first
 * unlock moves its rows into pages (that needs the key, which an upgrade does not have).
 */
export function applyV2(db: Dexie): void {
  db.version(2).stores({
    pages: 'id, table, *emailIndex, *phoneIndex',
    quarantine: 'id',
    meta: 'key',
  });
}
