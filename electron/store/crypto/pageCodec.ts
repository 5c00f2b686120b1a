import type { SealedPage } from './pageCipher';

/** How pages are turned into bytes: encrypted in the product, in clear only in a test build. */
export interface PageCodec {
  /** `version`: the page's, bound into its additional data (0: a page from before versions). */
  seal(table: string, pageId: string, records: unknown, version?: number): Promise<SealedPage>;
  open(table: string, pageId: string, page: SealedPage, version?: number): Promise<unknown>;
}
