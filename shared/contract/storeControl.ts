import { z } from 'zod';
import type { StoredPage } from '../vault/backupFile';
import { method } from './define';

export interface DamagedPage {
  pageId: string;
  count: number;
}

export interface UnlockReport {
  customers: number;
  /** Pages that failed authentication: set aside in quarantine, the rest opened. */
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
    /** Blind indexes that pages carried before schema v5: accepted, then dropped. */
    emailIndex: z.array(z.string().max(200)).optional(),
    phoneIndex: z.array(z.string().max(200)).optional(),
  })
  .transform(({ emailIndex: _e, phoneIndex: _p, ...page }): StoredPage => page);

/** What the host (main, or browser mode's vault) tells the store: open with this key, or lock. */
export const storeControlContract = {
  'store.unlock': method<UnlockReport>()(
    z.strictObject({
      dataKey: z.instanceof(Uint8Array).refine((key) => key.length === 32, { error: 'badKey' }),
    }),
  ),
  'store.lock': method<{ locked: true }>()(z.strictObject({})),
  /** Every sealed page, as stored: what a backup carries (main writes scheduled backups). */
  'store.readPages': method<{ pages: StoredPage[] }>()(z.strictObject({})),
  /** A restore: every page replaced at once, the store locked. */
  'store.replacePages': method<{ replaced: number }>()(
    z.strictObject({ pages: z.array(sealedPageSchema) }),
  ),
  /** A restore's pages, staged until the store is unlocked with the key of `keyCheck`. */
  'store.stagePages': method<{ staged: number }>()(
    z.strictObject({
      pages: z.array(sealedPageSchema),
      keyCheck: z.string().min(1).max(100),
    }),
  ),
};
export type StoreControlContract = typeof storeControlContract;
