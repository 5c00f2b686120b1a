import { z } from 'zod';
import { AppError } from '../errors';
import type { Bytes } from './bytes';
import { manifestFromJson, manifestToJson, type SealedManifest } from './pageManifest';
import { vaultFileSchema, whereDamaged, type VaultFile } from './vaultFile';

/**
 * A backup is the customer file as it is stored, in one portable file: the vault (the data key
 * wrapped by the passphrase and by the recovery key) and every sealed page, byte for byte.
 * Nothing is decrypted to make one, so main can write one on a schedule while the file is
 * locked, and the passphrase of the file at backup time is what opens it on another laptop.
 *
 * Layout: 16 bytes of magic, the header's length (4 bytes, little-endian), the header (UTF-8
 * JSON: vault, pages without their bytes, the sealed manifest of the pages in base64), then
 * each page's iv and data in header order.
 *
 * Version 2 adds the manifest (shared/vault/pageManifest) and each page's version: a restore
 * checks the pages against it with the backup's key. A version 1 backup (made before) has
 * neither; it still restores, its counts taken from the pages and said to be unverified.
 */
export const BACKUP_MAGIC = 'COMPTOIR BACKUP\n';
export const BACKUP_EXTENSION = 'comptoir-backup';
const MAGIC_BYTES = new TextEncoder().encode(BACKUP_MAGIC);
const HEADER_MAX = 256 * 1024 * 1024;

/**
 * One encrypted page of records as the store keeps it (its IndexedDB row) and a backup carries
 * it. Only `iv` and `data` are secret (AES-GCM, bound to table and id); the rest is
 * non-identifying.
 */
export interface StoredPage {
  id: string;
  table: string;
  iv: Bytes;
  data: Bytes;
  count: number;
  updatedAt: number;
  /** +1 at each rewrite of the page, bound into its encryption; absent (0) before versions. */
  version?: number;
}

export interface BackupContents {
  createdAt: number;
  appVersion: string;
  /** The vault as it opens anywhere: without this device's keychain seal or wrong-try count. */
  vault: VaultFile;
  pages: StoredPage[];
  /** The sealed manifest of the pages; null in a version 1 backup, or a file never opened since. */
  manifest?: SealedManifest | null;
}

const pageEntrySchema = z.strictObject({
  id: z.string().min(1).max(200),
  table: z.string().min(1).max(100),
  count: z.int().min(0),
  updatedAt: z.int().min(0),
  version: z.int().min(0).optional(),
  /** Blind indexes that backups carried before schema v5: accepted, then dropped. */
  emailIndex: z.array(z.string().max(200)).optional(),
  phoneIndex: z.array(z.string().max(200)).optional(),
  ivBytes: z.int().min(1).max(64),
  dataBytes: z.int().min(0),
});

const headerSchema = z.strictObject({
  format: z.literal('comptoir-backup'),
  version: z.union([z.literal(1), z.literal(2)]),
  createdAt: z.int().min(0),
  appVersion: z.string().max(50),
  vault: vaultFileSchema,
  pages: z.array(pageEntrySchema),
  manifest: z
    .strictObject({ iv: z.base64().max(100), data: z.base64().max(64 * 1024 * 1024) })
    .nullable()
    .optional(),
});

/** The vault as a backup carries it: what only this device can open is left out. */
export function portableVault(vault: VaultFile): VaultFile {
  const { keychainWrap: _keychain, throttle: _throttle, ...portable } = vault;
  return portable;
}

export function encodeBackup(contents: BackupContents): Bytes {
  const header = {
    format: 'comptoir-backup',
    version: 2,
    createdAt: contents.createdAt,
    appVersion: contents.appVersion,
    vault: portableVault(contents.vault),
    manifest: contents.manifest ? manifestToJson(contents.manifest) : null,
    pages: contents.pages.map((p) => ({
      id: p.id,
      table: p.table,
      count: p.count,
      updatedAt: p.updatedAt,
      ...(p.version === undefined ? {} : { version: p.version }),
      ivBytes: p.iv.byteLength,
      dataBytes: p.data.byteLength,
    })),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const body = contents.pages.reduce((sum, p) => sum + p.iv.byteLength + p.data.byteLength, 0);
  const out = new Uint8Array(MAGIC_BYTES.length + 4 + headerBytes.length + body);
  out.set(MAGIC_BYTES, 0);
  new DataView(out.buffer).setUint32(MAGIC_BYTES.length, headerBytes.length, true);
  let at = MAGIC_BYTES.length + 4;
  out.set(headerBytes, at);
  at += headerBytes.length;
  for (const page of contents.pages) {
    out.set(page.iv, at);
    at += page.iv.byteLength;
    out.set(page.data, at);
    at += page.data.byteLength;
  }
  return out;
}

const badFile = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('BAD_FILE', message, details);

/** Reads a backup; a file that is not one, or is cut short, is refused with what and where. */
export function decodeBackup(bytes: Uint8Array): BackupContents {
  const magicEnd = MAGIC_BYTES.length;
  if (bytes.length < magicEnd + 4 || MAGIC_BYTES.some((b, i) => bytes[i] !== b)) {
    throw badFile('This file is not a Comptoir backup', { at: 0 });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(magicEnd, true);
  const headerStart = magicEnd + 4;
  if (headerLength > HEADER_MAX || headerStart + headerLength > bytes.length) {
    throw badFile('The backup is cut short: its description is incomplete', {
      at: headerStart,
      expected: headerLength,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(
        bytes.subarray(headerStart, headerStart + headerLength),
      ),
    );
  } catch {
    throw badFile('The backup description is damaged (not readable JSON)', { at: headerStart });
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badFile(`The backup description is damaged at ${whereDamaged(issue)}`, {
      at: headerStart,
      path: issue.path.map(String),
    });
  }
  const header = parsed.data;
  let at = headerStart + headerLength;
  const pages: StoredPage[] = [];
  for (const entry of header.pages) {
    const end = at + entry.ivBytes + entry.dataBytes;
    if (end > bytes.length) {
      throw badFile(`The backup is cut short in page ${entry.id}`, { at, page: entry.id });
    }
    const { ivBytes, dataBytes: _data, emailIndex: _e, phoneIndex: _p, ...page } = entry;
    pages.push({
      ...page,
      iv: bytes.slice(at, at + ivBytes),
      data: bytes.slice(at + ivBytes, end),
    });
    at = end;
  }
  if (at !== bytes.length) {
    throw badFile('The backup has bytes after its last page', { at });
  }
  return {
    createdAt: header.createdAt,
    appVersion: header.appVersion,
    vault: header.vault,
    pages,
    manifest: header.manifest ? manifestFromJson(header.manifest) : null,
  };
}

/** Records per table ("customers", "purchases"...), from the pages' clear counts. */
export function recordsPerTable(pages: readonly Pick<StoredPage, 'table' | 'count'>[]) {
  const records: Record<string, number> = {};
  for (const page of pages) records[page.table] = (records[page.table] ?? 0) + page.count;
  return records;
}

/** "comptoir-2026-12-02-1405.comptoir-backup": sorts by date, says when. */
export function backupFileName(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `comptoir-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}.${BACKUP_EXTENSION}`;
}
