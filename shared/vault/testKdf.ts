import type { KdfParams } from './vaultFile';

/** TESTS ONLY: a cheap Argon2id so unit tests stay fast; the product uses DEFAULT_KDF. */
export const TEST_KDF: KdfParams = {
  algorithm: 'argon2id',
  memoryKiB: 8 * 1024,
  iterations: 1,
  parallelism: 1,
};
