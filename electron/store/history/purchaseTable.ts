import type { DamagedPage } from '../../../shared/contract/storeControl';
import type { Purchase } from '../../../shared/domain/purchase';
import type { KpiPurchaseColumns } from '../../../shared/kpi/kpiTypes';
import type { RecordPages, SealedChange } from '../pages/recordPages';
import type { TableFollower } from './historyTable';
import { PurchaseRows } from './purchaseRows';

/** Purchases made objects at a time when the followers are told again from the start. */
const REPLAY_SLICE = 5000;

/**
 * The purchases: their encrypted pages and, in memory, their columns (PurchaseRows). Like
 * HistoryTable, writes are sealed first and memory follows only once the commit is done.
 */
export class PurchaseTable {
  private readonly rows = new PurchaseRows();
  /** Counts the writes memory followed: what was computed from the rows is stale when it moves. */
  version = 0;

  constructor(
    private readonly pages: RecordPages<Purchase>,
    /** Told of what memory takes in, in order, so that the segments' columns can follow. */
    private readonly follower: TableFollower<Purchase>,
  ) {}

  /**
   * Reads every page into memory as it opens, letting other calls through between pages;
   * keeps nothing more once `stillOpen` says the file was locked.
   */
  async load(stillOpen: () => boolean = () => true): Promise<DamagedPage[]> {
    const { damaged } = await this.pages.loadAll({
      gently: true,
      each: (purchases) => {
        if (!stillOpen()) return;
        this.rows.add(purchases);
        this.version++;
        this.follower.added(purchases);
      },
    });
    return damaged;
  }

  get size(): number {
    return this.rows.size;
  }

  has(id: string): boolean {
    return this.rows.has(id);
  }

  get(id: string): Purchase | undefined {
    return this.rows.get(id);
  }

  customerOf(id: string): string | undefined {
    return this.rows.customerOf(id);
  }

  of(customerId: string): readonly Purchase[] {
    return this.rows.of(customerId);
  }

  kpiColumns(): KpiPurchaseColumns {
    return this.rows.kpiColumns();
  }

  /** Hands out every purchase from the start, a slice of objects at a time. */
  replay(take: (purchases: readonly Purchase[]) => void): void {
    for (let from = 0; from < this.rows.size; from += REPLAY_SLICE)
      take(this.rows.slice(from, from + REPLAY_SLICE));
  }

  async sealPut(purchases: Purchase[]): Promise<SealedChange> {
    return this.seal({ put: purchases, remove: [] }, () => {
      // New purchases are appended; one put again (never, today) is taken out and appended.
      const again = new Set(purchases.filter((p) => this.rows.has(p.id)).map((p) => p.id));
      if (again.size > 0) this.rows.remove(again);
      this.rows.add(purchases);
      this.version++;
      if (again.size > 0) this.follower.reset();
      else this.follower.added(purchases);
    });
  }

  async sealRemove(ids: string[]): Promise<SealedChange> {
    return this.seal({ put: [], remove: ids }, () => {
      this.rows.remove(new Set(ids));
      this.version++;
      this.follower.reset();
    });
  }

  clear(): void {
    this.follower.reset();
    this.version++;
    this.rows.clear();
  }

  private async seal(change: { put: Purchase[]; remove: string[] }, follow: () => void) {
    const sealed = await this.pages.seal(change, (id) => this.rows.get(id));
    return { ...sealed, apply: () => (sealed.apply(), follow()) };
  }
}
