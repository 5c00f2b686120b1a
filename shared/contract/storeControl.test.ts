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
    const replaced = storeControlContract['store.replacePages'].arg.parse({ pages });
    const staged = storeControlContract['store.stagePages'].arg.parse({ pages, keyCheck: 'k' });
    for (const parsed of [replaced.pages, staged.pages]) {
      expect(parsed).toEqual([page, page]);
      expect(parsed[0]).not.toHaveProperty('emailIndex');
      expect(parsed[0]).not.toHaveProperty('phoneIndex');
    }
  });

  it('still refuses anything else beside a page', () => {
    const result = storeControlContract['store.replacePages'].arg.safeParse({
      pages: [{ ...page, email: 'zoe@exemple.fr' }],
    });
    expect(result.success).toBe(false);
  });
});
