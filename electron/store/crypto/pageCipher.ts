import type { Bytes } from '../../../shared/vault/bytes';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function info(label: string): Bytes {
  return encoder.encode(label) as Bytes;
}

export interface SealedPage {
  iv: Bytes;
  data: Bytes;
}

/**
 * Encrypts pages of records with AES-256-GCM. The additional data names the table, the page id
 * and the page's version (+1 at each rewrite), so a page copied over another, into another
 * table, or given another version number fails to open. Version 0 is a page written before
 * versions existed: its additional data stays `table/id`, so older files still open.
 */
export function pageAdditionalData(table: string, pageId: string, version: number): string {
  return version >= 1 ? `${table}/${pageId}/v${version}` : `${table}/${pageId}`;
}

export class PageCipher {
  private constructor(private readonly pageKey: CryptoKey) {}

  /**
   * Derives the page key (a CryptoKey that cannot be exported) from the data key, in WebCrypto
   * alone: the store compiles no WebAssembly, so the desktop store window's CSP need not allow
   * it (the blind-index HMAC that ran in hash-wasm went with the blind indexes, issue 18).
   */
  static async fromDataKey(dataKey: Bytes): Promise<PageCipher> {
    const base = await crypto.subtle.importKey('raw', dataKey, 'HKDF', false, ['deriveKey']);
    const hkdf = (label: string) => ({
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(32),
      info: info(label),
    });
    const pageKey = await crypto.subtle.deriveKey(
      hkdf('comptoir pages v1'),
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
    return new PageCipher(pageKey);
  }

  async seal(table: string, pageId: string, records: unknown, version = 0): Promise<SealedPage> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = encoder.encode(JSON.stringify(records));
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: info(pageAdditionalData(table, pageId, version)) },
      this.pageKey,
      plain,
    );
    return { iv, data: new Uint8Array(sealed) };
  }

  /** Throws when the page was altered, moved or sealed with another key. */
  async open(table: string, pageId: string, page: SealedPage, version = 0): Promise<unknown> {
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: page.iv,
        additionalData: info(pageAdditionalData(table, pageId, version)),
      },
      this.pageKey,
      page.data,
    );
    return JSON.parse(decoder.decode(plain));
  }
}
