import type { DamagedPage } from '../../../shared/contract/storeControl';
import {
  checkPages,
  entryOf,
  manifestOf,
  openManifest,
  sealManifest,
  type ManifestEntry,
  type PageFacts,
  type SealedManifest,
} from '../../../shared/vault/pageManifest';
import { AppError } from '../../../shared/errors';
import { toBase64 } from '../../../shared/vault/bytes';
import type { ComptoirDatabase } from '../db/database';
import { putManifest, readManifest } from './manifestRow';
import { bumpPagesVersion } from './pageSnapshot';

/** A damage report for the manifest itself (it did not open, or was removed). */
const MANIFEST_DAMAGED: DamagedPage = { pageId: 'manifest', count: 0, reason: 'manifest' };

/**
 * The unlocked file's manifest, in memory, and the one way to change it: every page write
 * (RecordPages' writeSealed and quarantine) hands its rows here, which seals the manifest that
 * follows them and writes both in one transaction. Sealing is WebCrypto, which a Dexie
 * transaction cannot await, so it happens before the transaction; writes are queued one at a
 * time so that each seals the manifest left by the one before.
 */
export class PageManifestKeeper {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly key: CryptoKey,
    private entries: Map<string, ManifestEntry>,
    /** The IV of the manifest stored now, as far as this keeper knows (null: none). */
    private storedIv: string | null,
  ) {}

  /**
   * The file's manifest at unlock. A file without one (made before manifests) gets one of the
   * pages it has now: trust on first use, as nothing earlier says what it should hold. A file
   * whose manifest does not open, or that has none though its pages have versions (they are
   * only written beside a manifest: it was removed), is reported, then gets one the same way.
   */
  static async open(
    db: ComptoirDatabase,
    key: CryptoKey,
    /** The manifest read with the pages ahead of the unlock; undefined: read it now. */
    readAhead?: SealedManifest | null,
  ): Promise<{ keeper: PageManifestKeeper; damaged: DamagedPage[] }> {
    const sealed = readAhead === undefined ? await readManifest(db) : readAhead;
    if (sealed) {
      try {
        const manifest = await openManifest(key, sealed);
        const keeper = new PageManifestKeeper(key, byId(manifest.pages), toBase64(sealed.iv));
        return { keeper, damaged: [] };
      } catch {
        // Reported below, then replaced by one of the pages present.
      }
    }
    const rows = await db.pages.toArray();
    const removed = !sealed && rows.some((row) => (row.version ?? 0) >= 1);
    const stored = sealed ? toBase64(sealed.iv) : null;
    const keeper = new PageManifestKeeper(key, byId(manifestOf(rows).pages), stored);
    await keeper.commit({ put: [], remove: [] }, async (next) => {
      await db.transaction('rw', db.meta, async () => {
        await bumpPagesVersion(db);
        await keeper.put(db, next);
      });
    });
    return { keeper, damaged: sealed || removed ? [MANIFEST_DAMAGED] : [] };
  }

  /**
   * Writes the manifest sealed by `commit`, inside the transaction of the pages it describes.
   * Another window open on the same file (browser mode's tabs) may have written pages and its
   * own manifest since: this one would then strike its pages off, so the write is refused.
   */
  async put(db: ComptoirDatabase, sealed: SealedManifest): Promise<void> {
    const stored = await readManifest(db);
    if ((stored ? toBase64(stored.iv) : null) !== this.storedIv) {
      throw new AppError(
        'CONFLICT',
        'The customer file was changed in another window: lock it and open it again',
      );
    }
    await putManifest(db, sealed);
  }

  /** The version the manifest lists for a page; 0 when it lists none. */
  versionOf(pageId: string): number {
    return this.entries.get(pageId)?.[2] ?? 0;
  }

  /** One table's pages as read, against what the manifest lists for that table. */
  check(table: string, rows: readonly PageFacts[]): DamagedPage[] {
    const pages = [...this.entries.values()].filter((entry) => entry[0] === table);
    return checkPages({ count: pages.length, pages }, rows, [table]);
  }

  /**
   * Seals the manifest as it is once `change` is written and hands it to `write`, which writes
   * it in the same transaction as the change; memory follows only if that transaction commits.
   */
  commit(
    change: { put: readonly PageFacts[]; remove: readonly string[] },
    write: (sealed: SealedManifest) => Promise<void>,
  ): Promise<void> {
    const run = this.queue.then(async () => {
      const next = new Map(this.entries);
      for (const id of change.remove) next.delete(id);
      for (const row of change.put) next.set(row.id, entryOf(row));
      const pages = [...next.values()];
      const sealed = await sealManifest(this.key, { count: pages.length, pages });
      await write(sealed);
      this.entries = next;
      this.storedIv = toBase64(sealed.iv);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function byId(entries: ManifestEntry[]): Map<string, ManifestEntry> {
  return new Map(entries.map((entry) => [entry[1], entry]));
}
