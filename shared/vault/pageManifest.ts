import { z } from 'zod';
import type { DamagedPage } from './damagedPage';
import { fromBase64, toBase64, utf8, type Bytes } from './bytes';

/**
 * The sealed list of a customer file's pages (issue 18): each page's table, id, version, record
 * count and digest, and how many pages there are, AES-GCM encrypted under a key derived from the
 * data key. A page's own encryption binds it to its table, id and version (pageCipher), so it
 * cannot be moved or renumbered; the manifest says which pages must be there and which copy of
 * each, so an older copy of a page (a rollback), a deleted page or an added one is seen.
 *
 * The digest is the page's GCM tag (the last 16 bytes of its ciphertext): comparing it costs
 * nothing at unlock, and a page whose bytes differ but keep the tag still fails to decrypt.
 *
 * Written by the store in the same transaction as every page write (pages/pageManifestKeeper),
 * carried by backups beside the pages, read by main at a restore's preview with the backup's
 * key. What it cannot see: the whole file put back as it was at an earlier moment (every page
 * and the manifest together), which only a counter kept outside the file could tell.
 */

/** [table, page id, version, records, digest (base64)] */
export type ManifestEntry = [
  table: string,
  id: string,
  version: number,
  count: number,
  digest: string,
];

export interface PageManifest {
  /** How many pages the file has (the entries' length, sealed with them). */
  count: number;
  pages: ManifestEntry[];
}

/** The manifest as stored in the `meta` table and in a backup. */
export interface SealedManifest {
  iv: Bytes;
  data: Bytes;
}

/** What of a page the manifest pins (the clear fields of its row, and its ciphertext). */
export interface PageFacts {
  id: string;
  table: string;
  /** Absent on a page written before versions: version 0. */
  version?: number;
  count: number;
  data: Uint8Array;
}

export type PageFault = 'outdated' | 'altered' | 'missing' | 'unexpected';

const MANIFEST_AD = 'comptoir page manifest';
const TAG_BYTES = 16;

const manifestSchema = z.strictObject({
  count: z.int().min(0),
  pages: z.array(
    z.tuple([
      z.string().min(1).max(100),
      z.string().min(1).max(200),
      z.int().min(0),
      z.int().min(0),
      z.string().max(100),
    ]),
  ),
});

/** The manifest's key, from the data key (HKDF, its own label: never the pages' key). */
export async function manifestKey(dataKey: Bytes): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', dataKey, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(32),
      info: utf8('comptoir page manifest v1'),
    },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealManifest(
  key: CryptoKey,
  manifest: PageManifest,
): Promise<SealedManifest> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(MANIFEST_AD) },
    key,
    utf8(JSON.stringify(manifest)),
  );
  return { iv, data: new Uint8Array(sealed) };
}

/** Throws when the manifest was altered, sealed with another key, or is not one. */
export async function openManifest(key: CryptoKey, sealed: SealedManifest): Promise<PageManifest> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: utf8(MANIFEST_AD) },
    key,
    sealed.data,
  );
  const manifest = manifestSchema.parse(JSON.parse(new TextDecoder().decode(plain)));
  if (manifest.count !== manifest.pages.length) throw new Error('manifest count differs');
  return manifest;
}

/** The page's GCM tag, in base64. */
export function pageDigest(page: Pick<PageFacts, 'data'>): string {
  return toBase64(page.data.subarray(Math.max(0, page.data.byteLength - TAG_BYTES)));
}

export function entryOf(page: PageFacts): ManifestEntry {
  return [page.table, page.id, page.version ?? 0, page.count, pageDigest(page)];
}

/** A manifest of the pages as they are (a file's first one, trusted on first use). */
export function manifestOf(pages: readonly PageFacts[]): PageManifest {
  return { count: pages.length, pages: pages.map(entryOf) };
}

/** Why a page present does not match its entry, or null when it does. */
export function faultOf(entry: ManifestEntry | undefined, page: PageFacts): PageFault | null {
  if (!entry) return 'unexpected';
  const [table, , version, count, digest] = entry;
  const own = page.version ?? 0;
  if (own < version) return 'outdated';
  if (own !== version || table !== page.table || count !== page.count) return 'altered';
  if (digest !== pageDigest(page)) return 'altered';
  return null;
}

/**
 * The pages that do not match the manifest: present but older, altered or not listed, and
 * listed but absent (counted from the manifest). `tables`: only those tables are compared.
 */
export function checkPages(
  manifest: PageManifest,
  pages: readonly PageFacts[],
  tables?: readonly string[],
): DamagedPage[] {
  const listed = new Map<string, ManifestEntry>();
  for (const entry of manifest.pages) {
    if (!tables || tables.includes(entry[0])) listed.set(entry[1], entry);
  }
  const damaged: DamagedPage[] = [];
  const seen = new Set<string>();
  for (const page of pages) {
    if (tables && !tables.includes(page.table)) continue;
    seen.add(page.id);
    const fault = faultOf(listed.get(page.id), page);
    if (fault) damaged.push({ pageId: page.id, count: page.count, reason: fault });
  }
  for (const [id, entry] of listed) {
    if (!seen.has(id)) damaged.push({ pageId: id, count: entry[3], reason: 'missing' });
  }
  return damaged;
}

/** Records per table as the manifest says (what a verified backup holds). */
export function recordsInManifest(manifest: PageManifest): Record<string, number> {
  const records: Record<string, number> = {};
  for (const [table, , , count] of manifest.pages) records[table] = (records[table] ?? 0) + count;
  return records;
}

export function manifestToJson(sealed: SealedManifest): { iv: string; data: string } {
  return { iv: toBase64(sealed.iv), data: toBase64(sealed.data) };
}

export function manifestFromJson(json: { iv: string; data: string }): SealedManifest {
  return { iv: fromBase64(json.iv), data: fromBase64(json.data) };
}
