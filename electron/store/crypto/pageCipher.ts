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
 * Encrypts pages of records with AES-256-GCM. The additional data names the table and the
 * page id, so a page copied over another, or into another table, fails to open.
 */
export class PageCipher {
  private constructor(
    private readonly pageKey: CryptoKey,
    private readonly indexKey: CryptoKey,
  ) {}

  /** Derives the page key and the blind-index key from the data key; neither can be exported. */
  static async fromDataKey(dataKey: Bytes): Promise<PageCipher> {
    const base = await crypto.subtle.importKey('raw', dataKey, 'HKDF', false, ['deriveKey']);
    const derive = (
      label: string,
      algorithm: AesKeyGenParams | HmacKeyGenParams,
      usage: KeyUsage[],
    ) =>
      crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: info(label) },
        base,
        algorithm,
        false,
        usage,
      );
    return new PageCipher(
      await derive('comptoir pages v1', { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']),
      await derive('comptoir blind index v1', { name: 'HMAC', hash: 'SHA-256', length: 256 }, [
        'sign',
      ]),
    );
  }

  async seal(table: string, pageId: string, records: unknown): Promise<SealedPage> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = encoder.encode(JSON.stringify(records));
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: info(`${table}/${pageId}`) },
      this.pageKey,
      plain,
    );
    return { iv, data: new Uint8Array(sealed) };
  }

  /** Throws when the page was altered, moved or sealed with another key. */
  async open(table: string, pageId: string, page: SealedPage): Promise<unknown> {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: page.iv, additionalData: info(`${table}/${pageId}`) },
      this.pageKey,
      page.data,
    );
    return JSON.parse(decoder.decode(plain));
  }

  /** A keyed hash of a normalised value, for exact-match lookups without the value in clear. */
  async blindIndex(kind: 'email' | 'phone', normalised: string): Promise<string> {
    const mac = await crypto.subtle.sign(
      'HMAC',
      this.indexKey,
      encoder.encode(`${kind}:${normalised}`),
    );
    let hex = '';
    for (const byte of new Uint8Array(mac, 0, 16)) hex += byte.toString(16).padStart(2, '0');
    return hex;
  }
}
