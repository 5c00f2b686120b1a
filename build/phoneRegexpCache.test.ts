import { beforeAll, describe, expect, it } from 'vitest';
import metadata from 'libphonenumber-js/metadata.max.json';
import cached from './libphonenumber/matchesEntirely.js';
import { CACHED_MATCHES_ENTIRELY, phoneRegexpCache } from './phoneRegexpCache';

const resolve = (source: string, importer?: string) =>
  (phoneRegexpCache().resolveId as (s: string, i?: string) => string | null)(source, importer);

type Matches = (text: string, regularExpressionText: string) => boolean;
let original: Matches;
beforeAll(async () => {
  // The module the plugin replaces (not in the package's exports: imported by its path).
  const path = '../node_modules/libphonenumber-js/es6/helpers/matchesEntirely.js';
  original = ((await import(/* @vite-ignore */ path)) as { default: Matches }).default;
});

describe('phoneRegexpCache', () => {
  it("swaps libphonenumber's matchesEntirely, and nothing else", () => {
    const lib = '/app/node_modules/libphonenumber-js/es6/helpers/getNumberType.js';
    expect(resolve('./matchesEntirely.js', lib)).toBe(CACHED_MATCHES_ENTIRELY);
    expect(resolve('../helpers/matchesEntirely.js', lib)).toBe(CACHED_MATCHES_ENTIRELY);
    expect(resolve('./mergeArrays.js', lib)).toBeNull();
    expect(resolve('./matchesEntirely.js', '/app/shared/domain/phone.ts')).toBeNull();
    expect(resolve('./matchesEntirely.js')).toBeNull();
  });

  it('answers as the original for every pattern of the metadata, twice', () => {
    const numbers = ['612345678', '7400123456', '2025550123', '', '0', '11111111111111'];
    let checked = 0;
    for (const country of Object.values(metadata.countries) as unknown[][]) {
      // The national number pattern, then one per number type (fixed line, mobile...).
      const types = Array.isArray(country[11]) ? (country[11] as unknown[]) : [];
      const patterns = [country[2], ...types.map((t) => (Array.isArray(t) ? t[0] : null))];
      for (const pattern of patterns.filter((p): p is string => typeof p === 'string')) {
        for (const n of numbers) {
          expect(cached(n, pattern)).toBe(original(n, pattern));
          expect(cached(n, pattern)).toBe(original(n, pattern));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(cached(undefined as unknown as string, '\\d*')).toBe(true);
  });
});
