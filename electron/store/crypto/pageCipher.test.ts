import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomBytes, type Bytes } from '../../../shared/vault/bytes';
import { PageCipher } from './pageCipher';

/** The blind index as it was first written (WebCrypto HMAC on an HKDF-derived key). */
async function webCryptoIndex(dataKey: Bytes, kind: string, value: string): Promise<string> {
  const base = await crypto.subtle.importKey('raw', dataKey, 'HKDF', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(32),
      info: new TextEncoder().encode('comptoir blind index v1'),
    },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${kind}:${value}`));
  return [...new Uint8Array(mac, 0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('page cipher', () => {
  it('computes the same blind indexes as the stored ones (WebCrypto HMAC), however called', async () => {
    const dataKey = randomBytes(32);
    const cipher = await PageCipher.fromDataKey(dataKey.slice() as Bytes);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('email' as const, 'phone' as const),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        async (kind, value) => {
          const expected = await webCryptoIndex(dataKey, kind, value);
          expect(cipher.blindIndexNow(kind, value)).toBe(expected);
          expect(await cipher.blindIndex(kind, value)).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
    // Past the buffer kept for short values (1024 bytes): the same hash by the other way.
    const long = `${'é'.repeat(400)}@example.fr`;
    expect(cipher.blindIndexNow('email', long)).toBe(await webCryptoIndex(dataKey, 'email', long));
    // Interleaved calls share one HMAC state: each still gets its own value's hash.
    const values = ['a@b.fr', '+33612345678', 'zoé@exemple.fr'];
    const together = await Promise.all(values.map((v) => cipher.blindIndex('email', v)));
    for (const [i, v] of values.entries())
      expect(together[i]).toBe(await webCryptoIndex(dataKey, 'email', v));
  });

  it('opens what it sealed, and nothing sealed for another page', async () => {
    const cipher = await PageCipher.fromDataKey(randomBytes(32));
    const sealed = await cipher.seal('customers', 'p1', [{ id: 'a', lastName: 'Zoé' }]);
    expect(await cipher.open('customers', 'p1', sealed)).toEqual([{ id: 'a', lastName: 'Zoé' }]);
    await expect(cipher.open('customers', 'p2', sealed)).rejects.toThrow();
  });
});

describe('page versions in the additional data (issue 18)', () => {
  it('a page opens only at the version it was sealed at; version 0 is the old `table/id`', async () => {
    const dataKey = randomBytes(32);
    const cipher = await PageCipher.fromDataKey(dataKey);
    const v2 = await cipher.seal('customers', 'customers/000000', ['a'], 2);
    await expect(cipher.open('customers', 'customers/000000', v2, 2)).resolves.toEqual(['a']);
    await expect(cipher.open('customers', 'customers/000000', v2, 1)).rejects.toThrow();
    await expect(cipher.open('customers', 'customers/000000', v2, 0)).rejects.toThrow();
    // A page written before versions: sealed with `table/id` alone, as the product did.
    const iv = randomBytes(12);
    const pageKey = await crypto.subtle.deriveKey(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: new Uint8Array(32),
        info: new TextEncoder().encode('comptoir pages v1'),
      },
      await crypto.subtle.importKey('raw', dataKey, 'HKDF', false, ['deriveKey']),
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt'],
    );
    const additionalData = new TextEncoder().encode('customers/customers/000000');
    const data = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData },
        pageKey,
        new TextEncoder().encode('["old"]'),
      ),
    );
    await expect(cipher.open('customers', 'customers/000000', { iv, data })).resolves.toEqual([
      'old',
    ]);
    await expect(cipher.open('customers', 'customers/000000', { iv, data }, 1)).rejects.toThrow();
  });
});
