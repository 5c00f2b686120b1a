import { yieldToEvents } from '../../../shared/async/yieldToEvents';
import type { DamageReason, DamagedPage } from '../../../shared/contract/storeControl';
import { AppError } from '../../../shared/errors';
import type { SealedManifest } from '../../../shared/vault/pageManifest';
import type { PageCodec } from '../crypto/pageCodec';
import type { ComptoirDatabase, PageRow } from '../db/database';
import type { PageManifestKeeper } from './pageManifestKeeper';
import { bumpPagesVersion, type PageSnapshot } from './pageSnapshot';

export const PAGE_CAPACITY = 500;
/** Pages decrypting at once in a gentle load: enough to keep the crypto threads busy. */
const GENTLE_BATCH = 32;

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };
/** A promise that never rejects (a page waiting its turn must not be an unhandled rejection). */
const settle = (p: Promise<unknown>): Promise<Settled> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
const unsettle = (s: Settled): unknown => {
  if (!s.ok) throw s.error;
  return s.value;
};

export interface Change<T> {
  put: T[];
  remove: string[];
}

export interface SaveControl {
  shouldStop?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Pages sealed and ready to be written; `apply` updates memory once the write has committed. */
export interface SealedChange {
  rows: PageRow[];
  emptied: string[];
  apply(): void;
  /** The file's manifest, written in the same transaction (absent only in tests of pages alone). */
  manifest?: PageManifestKeeper;
}

/** The clear form of a page's records, before sealing and after opening. */
export interface PageEncoding<T> {
  encode(records: T[]): unknown;
  /** Throws when the payload is not a page of records (the page is then quarantined). */
  decode(payload: unknown): T[];
}

const AS_LIST: PageEncoding<unknown> = {
  encode: (records) => records,
  decode(payload) {
    if (!Array.isArray(payload)) throw new Error('not a list of records');
    return payload;
  },
};

export interface RecordPagesOptions<T> {
  now?: () => number;
  /** How a page's records are written and read back; a plain list by default. */
  encoding?: PageEncoding<T>;
  /** Pages read ahead, still current: the first loadAll decrypts them instead of reading. */
  snapshot?: PageSnapshot | null;
  /**
   * The file's sealed list of pages: pages are checked against it when they open and it is
   * written with every page write. Always given by the session; tests of pages alone go without.
   */
  manifest?: PageManifestKeeper;
}

/**
 * Records of one table stored as encrypted pages of up to PAGE_CAPACITY: one IndexedDB row and
 * one AES-GCM call per page, not per record, which is what makes unlocking 100k fast.
 * A write re-seals only the pages it touches.
 */
export class RecordPages<T extends { id: string }> {
  private readonly pageOf = new Map<string, string>();
  private readonly members = new Map<string, Set<string>>();
  /** Ids of the pages opened, filed into the two maps above at the first write, not at unlock. */
  private unfiled: [page: string, ids: string[]][] = [];
  private lastPage = -1;

  private readonly now: () => number;
  private readonly encoding: PageEncoding<T>;
  private snapshot: PageSnapshot | null;
  private readonly manifest: PageManifestKeeper | undefined;
  /** Each page's version (bound into its encryption): +1 at each rewrite, never reused. */
  private readonly versions = new Map<string, number>();

  constructor(
    readonly db: ComptoirDatabase,
    private readonly codec: PageCodec,
    readonly table: string,
    options: RecordPagesOptions<T> = {},
  ) {
    this.now = options.now ?? Date.now;
    this.encoding = options.encoding ?? (AS_LIST as PageEncoding<T>);
    this.snapshot = options.snapshot ?? null;
    this.manifest = options.manifest;
  }

  private pageId(n: number): string {
    return `${this.table}/${String(n).padStart(6, '0')}`;
  }

  /**
   * Opens every page (from the snapshot given, used once, or read now); a page that fails to
   * open, or that the manifest does not list as it is (an older copy, another, one not listed),
   * is moved to quarantine and reported; a page the manifest lists and that is absent is
   * reported and struck off the manifest (reported once, like a damaged page).
   */
  async loadAll({
    gently = false,
    each,
  }: {
    /** In the background (the history): pages read in turn, a look at the queue every ~8 ms. */
    gently?: boolean;
    /**
     * Takes each page's records as it opens, in page order; `records` then comes back empty
     * (the purchases: 1M lines never sit in memory as objects all at once).
     */
    each?: (records: T[]) => void;
  } = {}): Promise<{ records: T[]; damaged: DamagedPage[] }> {
    const snapshot = this.snapshot;
    this.snapshot = null;
    let rows =
      snapshot?.tables.get(this.table) ??
      (await this.db.pages.where('table').equals(this.table).toArray());
    const records: T[] = [];
    const failed: { row: PageRow; error: unknown; reason: DamageReason }[] = [];
    const faults = new Map(
      (this.manifest?.check(this.table, rows) ?? []).map((page) => [page.pageId, page]),
    );
    const missing = [...faults.values()].filter((page) => page.reason === 'missing');
    for (const row of rows) {
      const listed = this.manifest?.versionOf(row.id) ?? 0;
      this.versions.set(row.id, Math.max(row.version ?? 0, listed));
    }
    // A page the manifest refuses is not decrypted: its records are not the file's.
    const refused = rows.filter((row) => faults.has(row.id));
    for (const row of refused) {
      const { reason } = faults.get(row.id)!;
      failed.push({ row, error: `not as the manifest lists it (${reason})`, reason: reason! });
    }
    if (refused.length > 0) rows = rows.filter((row) => !faults.has(row.id));
    const open = async (row: PageRow, payload: Promise<unknown>) => {
      let opened: T[];
      try {
        opened = this.encoding.decode(await payload);
      } catch (error) {
        failed.push({ row, error, reason: 'unreadable' });
        return;
      }
      const number = Number(row.id.slice(this.table.length + 1));
      this.lastPage = Math.max(this.lastPage, Number.isFinite(number) ? number : 0);
      this.unfiled.push([row.id, opened.map((record) => record.id)]);
      if (each) each(opened);
      else for (const record of opened) records.push(record);
    };
    if (!gently) {
      const plain = rows.map((row) =>
        settle(this.codec.open(this.table, row.id, row, row.version ?? 0)),
      );
      for (let k = 0; k < rows.length; k++) await open(rows[k]!, plain[k]!.then(unsettle));
    } else {
      // Decrypting runs off this thread, a batch at a time; parsing runs here, one page at a
      // time, so that the list's and the search's calls get through (1M lines: ~670 pages).
      let since = performance.now();
      for (let i = 0; i < rows.length; i += GENTLE_BATCH) {
        const batch = rows.slice(i, i + GENTLE_BATCH);
        const plain = batch.map((row) =>
          settle(this.codec.open(this.table, row.id, row, row.version ?? 0)),
        );
        for (let k = 0; k < batch.length; k++) {
          await open(batch[k]!, plain[k]!.then(unsettle));
          if (performance.now() - since > 8) {
            await yieldToEvents();
            since = performance.now();
          }
        }
      }
    }
    // A damaged or missing page's number still counts: a new page never takes the number of
    // one in quarantine, nor the version of one that went missing.
    for (const pageId of [...failed.map(({ row }) => row.id), ...missing.map((p) => p.pageId)]) {
      const number = Number(pageId.slice(this.table.length + 1));
      this.lastPage = Math.max(this.lastPage, Number.isFinite(number) ? number : 0);
    }
    for (const page of missing) {
      this.versions.set(page.pageId, this.manifest?.versionOf(page.pageId) ?? 0);
    }
    const damaged: DamagedPage[] = [
      ...failed.map(({ row, reason }) => ({ pageId: row.id, count: row.count, reason })),
      ...missing,
    ];
    if (damaged.length > 0) await this.quarantine(failed, missing);
    return { records, damaged };
  }

  private async quarantine(
    results: { row: PageRow; error: unknown }[],
    missing: DamagedPage[],
  ): Promise<void> {
    const at = this.now();
    const { db } = this;
    const write = (manifest?: SealedManifest) =>
      db.transaction('rw', db.pages, db.quarantine, db.meta, async () => {
        await bumpPagesVersion(db);
        for (const { row, error } of results) {
          await db.quarantine.put({ ...row, quarantinedAt: at, reason: String(error) });
          await db.pages.delete(row.id);
        }
        if (manifest) await this.manifest!.put(db, manifest);
      });
    if (!this.manifest) return write();
    const remove = [...results.map(({ row }) => row.id), ...missing.map((page) => page.pageId)];
    await this.manifest.commit({ put: [], remove }, write);
  }

  private fileOpenedPages(): void {
    for (const [page, ids] of this.unfiled) {
      this.members.set(page, new Set(ids));
      for (const id of ids) this.pageOf.set(id, page);
    }
    this.unfiled = [];
  }

  /** Seals and writes a change in one transaction. */
  async save(change: Change<T>, current: (id: string) => T | undefined, control: SaveControl = {}) {
    await writeSealed(this.db, [await this.seal(change, current, control)]);
  }

  /**
   * Seals every page a change touches (new records fill the last page with room, then new
   * pages); nothing is written and memory is untouched until the result is written.
   */
  async seal(
    change: Change<T>,
    current: (id: string) => T | undefined,
    control: SaveControl = {},
  ): Promise<SealedChange> {
    this.fileOpenedPages();
    const removed = new Set(change.remove);
    const putById = new Map(change.put.map((r) => [r.id, r]));
    const recordOf = (id: string) =>
      removed.has(id) ? undefined : (putById.get(id) ?? current(id));

    const members = new Map<string, Set<string>>();
    const membersOf = (page: string) => {
      let set = members.get(page);
      if (!set) members.set(page, (set = new Set(this.members.get(page))));
      return set;
    };
    for (const id of removed) {
      const page = this.pageOf.get(id);
      if (page) membersOf(page).delete(id);
    }
    let lastPage = this.lastPage;
    const placed = new Map<string, string>();
    for (const record of change.put) {
      if (this.pageOf.has(record.id)) {
        membersOf(this.pageOf.get(record.id)!);
        continue;
      }
      let page = lastPage >= 0 ? this.pageId(lastPage) : null;
      if (!page || membersOf(page).size >= PAGE_CAPACITY) page = this.pageId(++lastPage);
      membersOf(page).add(record.id);
      placed.set(record.id, page);
    }

    const rows: PageRow[] = [];
    const emptied: string[] = [];
    const versions = new Map<string, number>();
    let done = 0;
    for (const [page, ids] of members) {
      if (control.shouldStop) await yieldToEvents();
      if (control.shouldStop?.()) throw new AppError('CANCELLED', 'The operation was cancelled');
      if (ids.size === 0) {
        emptied.push(page);
        continue;
      }
      const records = [...ids].map((id) => recordOf(id)!);
      const version = (this.versions.get(page) ?? 0) + 1;
      versions.set(page, version);
      const sealed = await this.codec.seal(
        this.table,
        page,
        this.encoding.encode(records),
        version,
      );
      rows.push({
        id: page,
        table: this.table,
        ...sealed,
        version,
        count: records.length,
        updatedAt: this.now(),
      });
      done += records.length;
      control.onProgress?.(done, change.put.length);
    }
    if (control.shouldStop?.()) throw new AppError('CANCELLED', 'The operation was cancelled');

    return {
      rows,
      emptied,
      manifest: this.manifest,
      apply: () => {
        this.lastPage = lastPage;
        for (const [page, version] of versions) this.versions.set(page, version);
        for (const [page, ids] of members) {
          if (ids.size === 0) this.members.delete(page);
          else this.members.set(page, ids);
        }
        for (const [id, page] of placed) this.pageOf.set(id, page);
        for (const id of removed) this.pageOf.delete(id);
      },
    };
  }
}

/**
 * Writes sealed changes of one or more tables, and the manifest that follows them, in one
 * transaction, then lets memory follow.
 */
export async function writeSealed(db: ComptoirDatabase, changes: SealedChange[]): Promise<void> {
  const rows = changes.flatMap((c) => c.rows);
  const emptied = changes.flatMap((c) => c.emptied);
  const manifest = changes.find((c) => c.manifest)?.manifest;
  const write = (sealed?: SealedManifest) =>
    db.transaction('rw', db.pages, db.meta, async () => {
      await bumpPagesVersion(db);
      if (rows.length > 0) await db.pages.bulkPut(rows);
      if (emptied.length > 0) await db.pages.bulkDelete(emptied);
      if (sealed) await manifest!.put(db, sealed);
    });
  if (manifest) await manifest.commit({ put: rows, remove: emptied }, write);
  else await write();
  for (const change of changes) change.apply();
}
