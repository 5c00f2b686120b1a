import { isTargetId } from '../../../../shared/import/mapping/importTargets';
import { foldText } from '../../../../shared/domain/fold';

const KEY = 'comptoir.importMappings';
/** The last mappings kept, most recent first: enough for every kind of file a shop receives. */
const KEPT = 20;

interface Saved {
  headers: string;
  mapping: (string | null)[];
}

/**
 * Mappings the user confirmed, by the file's header row, so the next file of the same kind
 * (the monthly Shopify export, the same Excel sheet) comes with the same choices. Column names
 * are not personal data: they may live in localStorage, like the list's columns.
 */
export function savedMapping(headers: readonly string[]): (string | null)[] | null {
  const found = load().find((s) => s.headers === signature(headers));
  if (!found || found.mapping.length !== headers.length) return null;
  return found.mapping;
}

export function saveMapping(headers: readonly string[], mapping: readonly (string | null)[]): void {
  const entry: Saved = { headers: signature(headers), mapping: [...mapping] };
  const rest = load().filter((s) => s.headers !== entry.headers);
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify([entry, ...rest].slice(0, KEPT)));
  } catch {
    // A full or unavailable storage only loses the convenience.
  }
}

/** The header row, case- and accent-free, as one string. */
function signature(headers: readonly string[]): string {
  return headers.map((h) => foldText(h.trim())).join('\u0001');
}

function load(): Saved[] {
  try {
    const saved: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    if (!Array.isArray(saved)) return [];
    // Anything damaged or from another version is left out, never trusted.
    return saved.filter(
      (s): s is Saved =>
        typeof s === 'object' &&
        s !== null &&
        typeof s.headers === 'string' &&
        Array.isArray(s.mapping) &&
        s.mapping.every((m: unknown) => m === null || (typeof m === 'string' && isTargetId(m))),
    );
  } catch {
    return [];
  }
}
