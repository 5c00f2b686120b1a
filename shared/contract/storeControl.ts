import { z } from 'zod';
import type { StoredPage } from '../vault/backupFile';
import type { SealedManifest } from '../vault/pageManifest';
import type { DamagedPage } from '../vault/damagedPage';
import { method } from './define';

export type { DamageReason, DamagedPage } from '../vault/damagedPage';

export interface UnlockReport {
  customers: number;
  /**
   * Pages that failed authentication or do not match the manifest: set aside in quarantine
   * (a missing one is only reported), the rest opened.
   */
  damaged: DamagedPage[];
}

const bytes = z.instanceof(Uint8Array);
const sealedPageSchema = z
  .strictObject({
    id: z.string().min(1).max(200),
    table: z.string().min(1).max(100),
    iv: bytes.refine((iv) => iv.length > 0 && iv.length <= 64, { error: 'badIv' }),
    data: bytes,
    count: z.int().min(0),
    updatedAt: z.int().min(0),
    version: z.int().min(0).optional(),
    /** Blind indexes that pages carried before schema v5: accepted, then dropped. */
    emailIndex: z.array(z.string().max(200)).optional(),
    phoneIndex: z.array(z.string().max(200)).optional(),
  })
  .transform(({ emailIndex: _e, phoneIndex: _p, ...page }): StoredPage => page);

const sealedManifestSchema = z.strictObject({
  iv: bytes.refine((iv) => iv.length > 0 && iv.length <= 64, { error: 'badIv' }),
  data: bytes,
}) satisfies z.ZodType<SealedManifest>;

/** The file as a backup carries it: every sealed page and the sealed manifest of them. */
export interface SealedFile {
  pages: StoredPage[];
  /** Null for a file not yet opened since manifests exist (one is written at its unlock). */
  manifest: SealedManifest | null;
}

/** What the host (main, or browser mode's vault) tells the store: open with this key, or lock. */
export const storeControlContract = {
  'store.unlock': method<UnlockReport>()(
    z.strictObject({
      dataKey: z.instanceof(Uint8Array).refine((key) => key.length === 32, { error: 'badKey' }),
    }),
  ),
  'store.lock': method<{ locked: true }>()(z.strictObject({})),
  /**
   * Every sealed page, as stored, and their manifest, read together: what a backup carries
   * (main writes scheduled backups).
   */
  'store.readPages': method<SealedFile>()(z.strictObject({})),
  /**
   * A restore's pages and their manifest, staged until the store is unlocked with the key of
   * `keyCheck` (there is no other way to replace the pages: they switch with their manifest).
   */
  'store.stagePages': method<{ staged: number }>()(
    z.strictObject({
      pages: z.array(sealedPageSchema),
      manifest: sealedManifestSchema.nullable(),
      keyCheck: z.string().min(1).max(100),
    }),
  ),
};
export type StoreControlContract = typeof storeControlContract;
