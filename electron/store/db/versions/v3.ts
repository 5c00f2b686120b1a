import type Dexie from 'dexie';

/**
 * Version 3: a page's blind indexes (keyed hashes of its emails and phones) stay on its row,
 * but are no longer IndexedDB index keys. Measured in Chromium: writing the 200 pages of 100k
 * customers took 7.2–9.6 s with their 200k hashes as multiEntry keys, 0.2–1.8 s without, and
 * an edit rewrote a page's 1000 keys. Nothing looks a page up by hash (the app works on the
 * decrypted records once unlocked), so the keys cost every write and served no read. The
 * hashes are kept: `findCustomerPages` scans them, and a compact index can be built from them
 * the day a lookup without the key is needed.
 */
export function applyV3(db: Dexie): void {
  db.version(3).stores({
    pages: 'id, table',
    quarantine: 'id',
    meta: 'key',
  });
}
