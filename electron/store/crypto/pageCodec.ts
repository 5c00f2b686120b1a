import type { SealedPage } from './pageCipher';

/** How pages are turned into bytes: encrypted in the product, in clear only in a test build. */
export interface PageCodec {
  seal(table: string, pageId: string, records: unknown): Promise<SealedPage>;
  open(table: string, pageId: string, page: SealedPage): Promise<unknown>;
  blindIndex(kind: 'email' | 'phone', normalised: string): Promise<string>;
  /** The same, at once: sealing 100k new customers hashes 200k values without a promise each. */
  blindIndexNow(kind: 'email' | 'phone', normalised: string): string;
}
