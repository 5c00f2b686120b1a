import { KDF_LIMITS, type KdfParams } from './vaultFile';

/** The stronger of a file's parameters and this build's, on each count, within the bounds. */
export function upgradedKdf(current: KdfParams, floor: KdfParams): KdfParams {
  const memoryKiB = Math.max(current.memoryKiB, floor.memoryKiB);
  // A file read back must pass its own bounds: no more passes than memory x passes allows.
  const mostPasses = Math.floor(KDF_LIMITS.memoryTimesIterationsKiB / memoryKiB);
  return {
    algorithm: 'argon2id',
    memoryKiB,
    iterations: Math.min(Math.max(current.iterations, floor.iterations), mostPasses),
    parallelism: Math.max(current.parallelism, floor.parallelism),
  };
}

/** `current` is weaker than `next` on some count: a rewrap would change it. */
export function isWeaker(current: KdfParams, next: KdfParams): boolean {
  return (
    next.memoryKiB > current.memoryKiB ||
    next.iterations > current.iterations ||
    next.parallelism > current.parallelism
  );
}
