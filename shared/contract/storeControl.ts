import { z } from 'zod';
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

/** What the host (main, or browser mode's vault) tells the store: open with this key, or lock. */
export const storeControlContract = {
  'store.unlock': method<UnlockReport>()(
    z.strictObject({
      dataKey: z.instanceof(Uint8Array).refine((key) => key.length === 32, { error: 'badKey' }),
    }),
  ),
  'store.lock': method<{ locked: true }>()(z.strictObject({})),
};
export type StoreControlContract = typeof storeControlContract;
