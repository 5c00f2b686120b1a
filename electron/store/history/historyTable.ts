import type { DamagedPage } from '../../../shared/contract/storeControl';
import { yieldToEvents } from '../../../shared/async/yieldToEvents';
import type { RecordPages, SealedChange } from '../pages/recordPages';

/** Rows put in memory between two looks at the queue: ~5 ms here. */
const LOAD_SLICE = 5000;

/** Follows a table's rows: appended as they come, or started over (a removal). */
export interface TableFollower<T> {
  added(rows: readonly T[]): void;
  reset(): void;
}

/**
 * One kind of history row (purchases, interactions, changes): its encrypted pages and, in
 * memory, its rows filed by customer so a customer's history is read without a scan. Writes
 * are sealed first; memory follows only when the sealed change is applied after its commit.
 */
export class HistoryTable<T extends { id: string; customerId: string }> {
  readonly byId = new Map<string, T>();
  private readonly lists = new Map<string, T[]>();
  /** Counts the writes memory followed: what was computed from the rows is stale when it moves. */
  version = 0;
  private all: T[] | null = null;

  constructor(
    private readonly pages: RecordPages<T>,
    /** Told of what memory takes in, in order, so that the purchase columns can follow. */
    private readonly follower: TableFollower<T> = {
      added: () => undefined,
      reset: () => undefined,
    },
  ) {}

  /**
   * Reads every page into memory, in slices that let other calls through (1M purchase lines
   * are ~330k rows); stops, keeping nothing more, once `stillOpen` says the file was locked.
   */
  async load(stillOpen: () => boolean = () => true): Promise<DamagedPage[]> {
    const { records, damaged } = await this.pages.loadAll({ gently: true });
    for (let from = 0; from < records.length; from += LOAD_SLICE) {
      if (from > 0) await yieldToEvents();
      if (!stillOpen()) return damaged;
      const slice = records.slice(from, from + LOAD_SLICE);
      for (const row of slice) this.add(row);
      this.follower.added(slice);
    }
    return damaged;
  }

  of(customerId: string): readonly T[] {
    return this.lists.get(customerId) ?? [];
  }

  get size(): number {
    return this.byId.size;
  }

  async sealPut(rows: T[]): Promise<SealedChange> {
    return this.seal({ put: rows, remove: [] }, () => {
      // New rows are appended to what follows; a row put again (never, today) starts it over.
      const replaced = rows.some((row) => this.byId.has(row.id));
      rows.forEach((row) => this.add(row));
      if (replaced) this.follower.reset();
      else this.follower.added(rows);
    });
  }

  async sealRemove(ids: string[]): Promise<SealedChange> {
    return this.seal({ put: [], remove: ids }, () => {
      ids.forEach((id) => this.remove(id));
      this.follower.reset();
    });
  }

  clear(): void {
    this.follower.reset();
    this.version++;
    this.all = null;
    this.byId.clear();
    this.lists.clear();
  }

  private async seal(change: { put: T[]; remove: string[] }, follow: () => void) {
    const sealed = await this.pages.seal(change, (id) => this.byId.get(id));
    return { ...sealed, apply: () => (sealed.apply(), follow()) };
  }

  /** Every row, as one array kept until the next write. */
  rows(): readonly T[] {
    this.all ??= [...this.byId.values()];
    return this.all;
  }

  private add(row: T): void {
    this.version++;
    this.all = null;
    this.byId.set(row.id, row);
    const list = this.lists.get(row.customerId);
    if (list) list.push(row);
    else this.lists.set(row.customerId, [row]);
  }

  private remove(id: string): void {
    const row = this.byId.get(id);
    if (!row) return;
    this.version++;
    this.all = null;
    this.byId.delete(id);
    const list = this.lists.get(row.customerId)?.filter((r) => r.id !== id) ?? [];
    if (list.length > 0) this.lists.set(row.customerId, list);
    else this.lists.delete(row.customerId);
  }
}
