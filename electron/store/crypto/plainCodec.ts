import type { PageCodec } from './pageCodec';

/**
 * TEST-ONLY: stores pages in clear. It exists so the at-rest test can prove that its disk
 * scan finds values when they are not encrypted; only a build with
 * VITE_COMPTOIR_PLAINTEXT_FOR_TESTS=1 selects it.
 */
export const plainCodec: PageCodec = {
  async seal(_table, _pageId, records) {
    return { iv: new Uint8Array(12), data: new TextEncoder().encode(JSON.stringify(records)) };
  },
  async open(_table, _pageId, page) {
    return JSON.parse(new TextDecoder().decode(page.data));
  },
};
