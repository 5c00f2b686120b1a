import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors';
import { toErrorInfo } from './dispatch';
import { isStorageFull } from './storageFull';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('a full IndexedDB becomes STORAGE_FULL', () => {
  it('is a code of the contract', () => {
    expect(ERROR_CODES).toContain('STORAGE_FULL');
  });

  it('maps the DOMException and each way Dexie wraps it, before the AbortError', () => {
    const abort = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: quota(),
    });
    const bulk = Object.assign(new Error('1 of 2 failed'), {
      name: 'BulkError',
      failures: [quota()],
    });
    const dexieQuota = Object.assign(new Error('quota'), {
      name: 'QuotaExceededError',
      inner: quota(),
    });
    for (const error of [quota(), abort, bulk, dexieQuota]) {
      expect(isStorageFull(error)).toBe(true);
      expect(toErrorInfo(error).code).toBe('STORAGE_FULL');
    }
  });

  it('leaves other failures as they were', () => {
    const cancel = Object.assign(new Error('x'), { name: 'AbortError' });
    expect(toErrorInfo(cancel).code).toBe('CANCELLED');
    expect(toErrorInfo(new Error('boom')).code).toBe('INTERNAL');
    expect(isStorageFull({ inner: { inner: {} } })).toBe(false);
  });
});
