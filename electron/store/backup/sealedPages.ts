import type { SealedPages } from '../../../shared/vault/backupService';
import { AppError } from '../../../shared/errors';
import { readManifest } from '../pages/manifestRow';
import { stageRestore } from './pendingRestore';
import type { StoreRuntime } from '../storeRuntime';

/**
 * The store's pages as a backup takes them and a restore puts them back: sealed, never
 * decrypted here, with the file's sealed manifest of them read in the same transaction.
 * Quarantined pages stay where they are (set aside, never silently deleted).
 */
export function sealedPages(runtime: StoreRuntime): SealedPages {
  const { db } = runtime;
  return {
    // The rows are the pages as a backup carries them (PageRow is StoredPage).
    read: () =>
      db.transaction('r', db.pages, db.meta, async () => ({
        pages: await db.pages.toArray(),
        manifest: await readManifest(db),
      })),
    stage: async ({ pages, manifest }, keyCheck) => {
      if (runtime.unlocked) {
        throw new AppError('CONFLICT', 'The customer file must be locked before a restore');
      }
      await stageRestore(db, pages, keyCheck, manifest);
    },
  };
}
