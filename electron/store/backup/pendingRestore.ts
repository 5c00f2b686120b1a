import type { StoredPage } from '../../../shared/vault/backupFile';
import type { SealedManifest } from '../../../shared/vault/pageManifest';
import type { ComptoirDatabase } from '../db/database';
import { FIRST_SCHEMA_CUSTOMERS } from '../db/versions/v5';
import { MANIFEST_KEY, putManifest } from '../pages/manifestRow';
import { bumpPagesVersion } from '../pages/pageSnapshot';

const PENDING = 'pendingRestore';

/** Tests name the step where a crash is simulated (a throw aborts that step's transaction). */
export type RestoreStep = (step: 'staged' | 'completed') => void;

/**
 * A restore in two steps that can each be cut off: its pages are staged beside the file's
 * (with the fingerprint of the key that opens them), then the host writes that key. At the
 * next unlock the key given decides: the staged key → the pages become the file's, in one
 * transaction; any other key (the new one was never written) → the staged pages are dropped.
 * The backup's manifest of its pages travels with them and switches with them; a backup made
 * before manifests has none, and the file then gets one at that unlock (trust on first use).
 */
export async function stageRestore(
  db: ComptoirDatabase,
  pages: StoredPage[],
  keyCheck: string,
  manifest: SealedManifest | null,
  step: RestoreStep = () => {},
): Promise<void> {
  await db.transaction('rw', db.pendingPages, db.meta, async () => {
    await db.pendingPages.clear();
    await db.pendingPages.bulkPut(pages);
    step('staged');
    await db.meta.put({ key: PENDING, value: { keyCheck, manifest } });
  });
}

/** At unlock, before any page is read: completes or drops a restore that was cut off. */
export async function settleRestore(
  db: ComptoirDatabase,
  keyCheck: string,
  step: RestoreStep = () => {},
): Promise<'none' | 'completed' | 'dropped'> {
  const tables = [db.pages, db.pendingPages, db.meta];
  return db.transaction('rw', tables, async () => {
    const pending = (await db.meta.get(PENDING))?.value as
      { keyCheck?: string; manifest?: SealedManifest | null } | undefined;
    const leftovers = await db.pendingPages.count();
    if (!pending && leftovers === 0) return 'none';
    const completes = pending?.keyCheck === keyCheck;
    if (completes) {
      await db.pages.clear();
      // Clear rows of the first schema, if any were left: they belong to the file replaced.
      await db.meta.delete(FIRST_SCHEMA_CUSTOMERS);
      await db.pages.bulkPut(await db.pendingPages.toArray());
      if (pending?.manifest) await putManifest(db, pending.manifest);
      else await db.meta.delete(MANIFEST_KEY);
      await bumpPagesVersion(db);
    }
    await db.pendingPages.clear();
    step('completed');
    await db.meta.delete(PENDING);
    return completes ? 'completed' : 'dropped';
  });
}
