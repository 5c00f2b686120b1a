import type { SealedManifest } from '../../../shared/vault/pageManifest';
import type { ComptoirDatabase } from '../db/database';

/** The `meta` row holding the file's sealed manifest of pages (shared/vault/pageManifest). */
export const MANIFEST_KEY = 'pageManifest';

/** Inside a read-write transaction over `db.meta`, beside the page writes it describes. */
export async function putManifest(db: ComptoirDatabase, sealed: SealedManifest): Promise<void> {
  await db.meta.put({ key: MANIFEST_KEY, value: sealed });
}

export async function readManifest(db: ComptoirDatabase): Promise<SealedManifest | null> {
  return ((await db.meta.get(MANIFEST_KEY))?.value as SealedManifest | undefined) ?? null;
}
