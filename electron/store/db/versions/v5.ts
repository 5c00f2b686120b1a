import type Dexie from 'dexie';

/** Where v5 keeps the clear rows of v1's `customers` until an unlock seals them (storeRuntime). */
export const FIRST_SCHEMA_CUSTOMERS = 'firstSchemaCustomers';

/**
 * Version 5: the page rows lose their blind indexes (keyed hashes of the emails and phones,
 * outside the ciphertext, that nothing read), and v1's clear `customers` table is dropped.
 * An upgrade has no key to seal rows with: a v1 file never unlocked since keeps its rows, read
 * once here, in one meta row that the next unlock seals into pages and deletes.
 */
export function applyV5(db: Dexie): void {
  db.version(5)
    .stores({
      customers: null,
      pages: 'id, table',
      pendingPages: 'id',
      quarantine: 'id',
      meta: 'key',
    })
    .upgrade(async (tx) => {
      for (const table of ['pages', 'pendingPages', 'quarantine']) {
        await tx
          .table(table)
          .toCollection()
          .modify((row: { emailIndex?: unknown; phoneIndex?: unknown }) => {
            delete row.emailIndex;
            delete row.phoneIndex;
          });
      }
      const clear = await tx.table('customers').toArray();
      if (clear.length > 0)
        await tx.table('meta').put({ key: FIRST_SCHEMA_CUSTOMERS, value: clear });
    });
}
