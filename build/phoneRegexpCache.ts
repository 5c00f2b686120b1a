import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const CACHED_MATCHES_ENTIRELY = fileURLToPath(
  new URL('./libphonenumber/matchesEntirely.js', import.meta.url),
);

/**
 * libphonenumber-js builds a RegExp from one of its metadata's pattern strings at every check
 * (`helpers/matchesEntirely.js`): validating a phone builds a dozen, some of them kilobytes
 * long. That was a third of the time an import spends on phones (~0.7 s of 1.8 s for the
 * bench's 80k). This plugin bundles the same function with one RegExp per pattern instead.
 */
export function phoneRegexpCache(): Plugin {
  return {
    name: 'comptoir:phone-regexp-cache',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/[\\/]libphonenumber-js[\\/]/.test(importer)) return null;
      return /(^|\/)matchesEntirely(\.js)?$/.test(source) ? CACHED_MATCHES_ENTIRELY : null;
    },
  };
}
