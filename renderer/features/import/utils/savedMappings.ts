import { isTargetId } from '../../../../shared/import/mapping/importTargets';
import { foldText } from '../../../../shared/domain/fold';

const KEY = 'comptoir.importMappings';
/** The last mappings kept, most recent first: enough for every kind of file a shop receives. */
const KEPT = 20;

interface Saved {
  /** SHA-256 (hex) of the normalised header row, never the row itself. */
  headerHash: string;
  mapping: (string | null)[];
}

type Mapping = (string | null)[];

/**
 * Mappings the user confirmed, by the file's header row, so the next file of the same kind
 * (the monthly Shopify export, the same Excel sheet) comes with the same choices. A file's first
 * row may be data (a customer's name and email), so localStorage keeps only a hash of it.
 */
export async function savedMapping(headers: readonly string[]): Promise<Mapping | null> {
  const headerHash = await hashOf(headers);
  const found = (await load()).find((s) => s.headerHash === headerHash);
  if (!found || found.mapping.length !== headers.length) return null;
  return found.mapping;
}

export async function saveMapping(
  headers: readonly string[],
  mapping: readonly (string | null)[],
): Promise<void> {
  const entry: Saved = { headerHash: await hashOf(headers), mapping: [...mapping] };
  const rest = (await load()).filter((s) => s.headerHash !== entry.headerHash);
  store([entry, ...rest]);
}

/** The header row, case- and accent-free, as one string. */
function signature(headers: readonly string[]): string {
  return headers.map((h) => foldText(h.trim())).join('\u0001');
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const hashOf = (headers: readonly string[]) => sha256Hex(signature(headers));

const isMapping = (m: unknown): m is Mapping =>
  Array.isArray(m) &&
  m.every((t: unknown) => t === null || (typeof t === 'string' && isTargetId(t)));

const isHash = (h: unknown): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h);

/**
 * The saved mappings. Entries saved before the hash (`headers`: the row in clear) are hashed on
 * this first read, and the storage written back without them or anything damaged.
 */
async function load(): Promise<Saved[]> {
  let saved: unknown;
  try {
    saved = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
  } catch {
    saved = null;
  }
  if (!Array.isArray(saved)) {
    // Damaged: nothing in it is trusted, and a clear header in it must not stay either.
    store([]);
    return [];
  }
  const kept: Saved[] = [];
  let rewrite = false;
  for (const s of saved as unknown[]) {
    const { headerHash, headers, mapping } = (
      typeof s === 'object' && s !== null ? s : {}
    ) as Record<string, unknown>;
    if (isMapping(mapping) && isHash(headerHash)) kept.push({ headerHash, mapping });
    else if (isMapping(mapping) && typeof headers === 'string') {
      kept.push({ headerHash: await sha256Hex(headers), mapping });
      rewrite = true;
    } else rewrite = true; // Damaged or from another version: left out, never trusted.
  }
  if (rewrite) store(kept);
  return kept;
}

function store(saved: readonly Saved[]): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(saved.slice(0, KEPT)));
  } catch {
    // A full or unavailable storage only loses the convenience.
  }
}
