import { describe, expect, it } from 'vitest';
import { storeControlContract } from './storeControl';

const page = {
  id: 'customers/000000',
  table: 'customers',
  iv: new Uint8Array(12),
  data: new Uint8Array([1, 2, 3]),
  count: 1,
  updatedAt: 5,
};

describe('store control: sealed pages', () => {
  it('accepts pages with the blind indexes they carried before schema v5, and drops them', () => {
    const pages = [{ ...page, emailIndex: ['9f2c'], phoneIndex: [] }, page];
    const staged = storeControlContract['store.stagePages'].arg.parse({
      pages,
      manifest: null,
      keyCheck: 'k',
    });
    for (const parsed of [staged.pages]) {
      expect(parsed).toEqual([page, page]);
      expect(parsed[0]).not.toHaveProperty('emailIndex');
      expect(parsed[0]).not.toHaveProperty('phoneIndex');
    }
  });

  it('still refuses anything else beside a page', () => {
    const result = storeControlContract['store.stagePages'].arg.safeParse({
      pages: [{ ...page, email: 'zoe@exemple.fr' }],
      manifest: null,
      keyCheck: 'k',
    });
    expect(result.success).toBe(false);
  });

  it('keeps a page version, and takes the manifest staged with the pages', () => {
    const manifest = { iv: new Uint8Array(12), data: new Uint8Array([4, 5]) };
    const staged = storeControlContract['store.stagePages'].arg.parse({
      pages: [{ ...page, version: 3 }],
      manifest,
      keyCheck: 'k',
    });
    expect(staged).toEqual({ pages: [{ ...page, version: 3 }], manifest, keyCheck: 'k' });
    const without = storeControlContract['store.stagePages'].arg.safeParse({
      pages: [page],
      keyCheck: 'k',
    });
    expect(without.success).toBe(false); // null says "none"; absent is a mistake
  });
});
