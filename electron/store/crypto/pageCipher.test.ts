import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../../shared/vault/bytes';
import { PageCipher } from './pageCipher';

describe('page cipher', () => {
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
