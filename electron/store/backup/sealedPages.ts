import type { SealedPages } from '../../../shared/vault/backupService';
import { AppError } from '../../../shared/errors';
import { FIRST_SCHEMA_CUSTOMERS } from '../db/versions/v5';
import { bumpPagesVersion } from '../pages/pageSnapshot';
import { stageRestore } from './pendingRestore';
import type { StoreRuntime } from '../storeRuntime';

/**
 * The store's pages as a backup takes them and a restore puts them back: sealed, never
 * decrypted here. Quarantined pages stay where they are (set aside, never silently deleted).
 */
export function sealedPages(runtime: StoreRuntime): SealedPages {
  const { db } = runtime;
  return {
    // The rows are the pages as a backup carries them (PageRow is StoredPage).
    read: () => db.pages.toArray(),
    replace: async (pages) => {
      if (runtime.unlocked) {
        throw new AppError('CONFLICT', 'The customer file must be locked before a restore');
      }
      await db.transaction('rw', db.pages, db.meta, async () => {
        await db.pages.clear();
        // Clear rows of the first schema, if any were left: they belong to the file replaced.
        await db.meta.delete(FIRST_SCHEMA_CUSTOMERS);
        await db.pages.bulkPut(pages);
        await bumpPagesVersion(db);
      });
      runtime.lock(); // the pages read ahead were the old file's: read the new ones
    },
    stage: async (pages, keyCheck) => {
      if (runtime.unlocked) {
        throw new AppError('CONFLICT', 'The customer file must be locked before a restore');
      }
      await stageRestore(db, pages, keyCheck);
    },
  };
}
