/** Where Dexie or IndexedDB keep the error that caused the one thrown. */
const CAUSES = ['inner', 'cause'] as const;

/**
 * Whether a failure is IndexedDB refusing a write for lack of room: the DOMException itself,
 * or Dexie's wrapping of it (a QuotaExceededError, an AbortError of the transaction or a
 * BulkError whose cause, at any depth, is one).
 */
export function isStorageFull(error: unknown, depth = 0): boolean {
  if (depth > 8 || typeof error !== 'object' || error === null) return false;
  const { name } = error as { name?: unknown };
  if (name === 'QuotaExceededError') return true;
  for (const key of CAUSES) {
    if (isStorageFull((error as Record<string, unknown>)[key], depth + 1)) return true;
  }
  const { failures } = error as { failures?: unknown };
  const list = Array.isArray(failures)
    ? failures
    : failures && typeof failures === 'object'
      ? Object.values(failures)
      : [];
  return list.some((failure) => isStorageFull(failure, depth + 1));
}
