import type { DamagedPage } from '../../../shared/contract/storeControl';
import { figuresOf, type CustomerFigures } from '../../../shared/domain/figures';
import type {
  CustomerChange,
  Interaction,
  InteractionInput,
} from '../../../shared/domain/interaction';
import {
  purchaseTotalMinor,
  type Purchase,
  type PurchaseInput,
} from '../../../shared/domain/purchase';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import type { KpiPurchaseColumns } from '../../../shared/kpi/kpiTypes';
import { AppError } from '../../../shared/errors';
import type { RecordPages, SealedChange } from '../pages/recordPages';
import {
  PurchaseColumnsBuilder,
  type PurchaseColumns,
} from '../../../shared/segments/purchaseColumns';
import { HistoryTable } from './historyTable';
import { PurchaseTable } from './purchaseTable';

export interface HistoryPages {
  purchases: RecordPages<Purchase>;
  interactions: RecordPages<Interaction>;
  changes: RecordPages<CustomerChange>;
}

/**
 * Purchases, interactions and record changes, each in its own encrypted pages, kept in memory
 * by customer. Like the customers, every write is sealed first and memory follows the commit.
 */
export class HistoryStore {
  private readonly purchases: PurchaseTable;
  private readonly interactions: HistoryTable<Interaction>;
  private readonly changes: HistoryTable<CustomerChange>;

  /** The purchases as columns for segments, appended to as they come; null: build again. */
  private columns: PurchaseColumnsBuilder | null = new PurchaseColumnsBuilder();
  /** Settles once every table is in memory; every reader and writer waits for it. */
  private ready: Promise<void> = Promise.resolve();
  private loaded = false;
  private closed = false;

  private constructor(
    pages: HistoryPages,
    private readonly newId: () => string,
  ) {
    this.purchases = new PurchaseTable(pages.purchases, {
      added: (rows) => this.columns?.add(rows),
      reset: () => (this.columns = null),
    });
    this.interactions = new HistoryTable(pages.interactions);
    this.changes = new HistoryTable(pages.changes);
  }

  /**
   * The history, opened in the background: 1M purchase lines take a few seconds to decrypt
   * and read, and the customer list does not need them. Reads and writes wait until it is
   * in memory; the pages that fail to open are reported by `loaded`.
   */
  static opening(
    pages: HistoryPages,
    newId: () => string,
    after: Promise<void> = Promise.resolve(),
  ): { history: HistoryStore; loaded: Promise<DamagedPage[]> } {
    const history = new HistoryStore(pages, newId);
    const stillOpen = () => !history.closed;
    const loaded = after
      .then(() =>
        Promise.all([
          history.purchases.load(stillOpen),
          history.interactions.load(stillOpen),
          history.changes.load(stillOpen),
        ]),
      )
      .then((damaged) => {
        history.loaded = !history.closed;
        return damaged.flat();
      });
    history.ready = loaded.then(() => undefined);
    return { history, loaded };
  }

  /** Settles when the history is in memory (at once, usually: it opens after the list). */
  whenLoaded(): Promise<void> {
    return this.ready;
  }

  /** For the readers that cannot wait: a caller that did not await `whenLoaded` is a bug. */
  private mustBeLoaded(): void {
    if (this.closed) throw new AppError('LOCKED', 'The customer file is locked');
    if (!this.loaded)
      throw new AppError('INTERNAL', 'The purchase history was read before it was opened');
  }

  /** Moves on every purchase or interaction written or removed. */
  get version(): number {
    this.mustBeLoaded();
    return this.purchases.version + this.interactions.version;
  }

  /** Every purchase as the dashboard reads them: columns, the same object until a write. */
  kpiPurchases(): KpiPurchaseColumns {
    this.mustBeLoaded();
    return this.purchases.kpiColumns();
  }

  /** Every purchase as columns (segments' behaviour conditions), kept up to date. */
  purchaseColumns(): PurchaseColumns {
    this.mustBeLoaded();
    if (!this.columns) {
      this.columns = new PurchaseColumnsBuilder();
      const columns = this.columns;
      this.purchases.replay((purchases) => columns.add(purchases));
    }
    return this.columns.columns();
  }

  allInteractions(): readonly Interaction[] {
    this.mustBeLoaded();
    return this.interactions.rows();
  }

  get purchaseCount(): number {
    this.mustBeLoaded();
    return this.purchases.size;
  }

  async preparePurchase(input: PurchaseInput, now: number) {
    const { sealed, purchases, figures } = await this.preparePurchases([input], now);
    return {
      sealed: sealed[0]!,
      purchase: purchases[0]!,
      figures: figures.get(input.customerId)!,
    };
  }

  /**
   * Many purchases at once (an orders import), sealed together, with the figures of every
   * customer they belong to as they will be.
   */
  async preparePurchases(inputs: PurchaseInput[], now: number) {
    await this.ready;
    const purchases: Purchase[] = inputs.map((input) => ({
      ...input,
      id: this.newId(),
      totalMinor: purchaseTotalMinor(input.lines),
      createdAt: now,
    }));
    const byCustomer = new Map<string, Purchase[]>();
    for (const purchase of purchases) {
      const list = byCustomer.get(purchase.customerId);
      if (list) list.push(purchase);
      else byCustomer.set(purchase.customerId, [purchase]);
    }
    const figures = new Map<string, CustomerFigures>();
    for (const [customerId, added] of byCustomer)
      figures.set(customerId, this.figuresWith(customerId, { purchases: added }));
    const sealed = purchases.length > 0 ? [await this.purchases.sealPut(purchases)] : [];
    return { sealed, purchases, figures };
  }

  /** Purchases taken back (an undone orders import), with each customer's figures without them. */
  async prepareRemovePurchases(ids: string[]) {
    await this.ready;
    const known = ids.filter((id) => this.purchases.has(id));
    const gone = new Set(known);
    const customers = new Set(known.map((id) => this.purchases.customerOf(id)!));
    const figures = new Map<string, CustomerFigures>();
    for (const customerId of customers)
      figures.set(customerId, this.figuresWith(customerId, { without: gone }));
    const sealed = known.length > 0 ? [await this.purchases.sealRemove(known)] : [];
    return { sealed, figures, removed: known.length };
  }

  /** The order numbers a customer's purchases came with (an import does not add one twice). */
  orderIdsOf(customerId: string): string[] {
    this.mustBeLoaded();
    return this.purchases
      .of(customerId)
      .map((p) => p.orderId)
      .filter((id) => id !== '');
  }

  async prepareInteraction(input: InteractionInput, now: number) {
    await this.ready;
    const interaction: Interaction = { ...input, id: this.newId(), createdAt: now };
    const sealed = await this.interactions.sealPut([interaction]);
    const figures = this.figuresWith(input.customerId, { interactions: [interaction] });
    return { sealed, interaction, figures };
  }

  async prepareChanges(changes: Omit<CustomerChange, 'id'>[]): Promise<SealedChange[]> {
    return (await this.prepareLoggedChanges(changes)).sealed;
  }

  /** As prepareChanges, with the ids the entries get (an import's undo removes them). */
  async prepareLoggedChanges(
    changes: Omit<CustomerChange, 'id'>[],
  ): Promise<{ sealed: SealedChange[]; ids: string[] }> {
    await this.ready;
    if (changes.length === 0) return { sealed: [], ids: [] };
    const rows = changes.map((c) => ({ ...c, id: this.newId() }));
    return { sealed: [await this.changes.sealPut(rows)], ids: rows.map((r) => r.id) };
  }

  /** Change-log entries taken back (an undone import's). */
  async prepareRemoveChanges(ids: string[]): Promise<SealedChange[]> {
    await this.ready;
    const known = ids.filter((id) => this.changes.byId.has(id));
    return known.length > 0 ? [await this.changes.sealRemove(known)] : [];
  }

  /** Removes one purchase or interaction (a mistake at the counter) and the figures it made. */
  async prepareRemove(kind: 'purchase' | 'interaction', id: string) {
    await this.ready;
    const table = kind === 'purchase' ? this.purchases : this.interactions;
    const customerId =
      kind === 'purchase'
        ? this.purchases.customerOf(id)
        : this.interactions.byId.get(id)?.customerId;
    if (customerId === undefined)
      throw new AppError('NOT_FOUND', `No ${kind} with id ${id}`, { id });
    return {
      customerId,
      figures: this.figuresWith(customerId, { without: new Set([id]) }),
      sealed: await table.sealRemove([id]),
    };
  }

  /** Erasure: every purchase, interaction and change of these customers. */
  async prepareForget(customerIds: string[]): Promise<SealedChange[]> {
    await this.ready;
    const sealed: SealedChange[] = [];
    for (const table of [this.purchases, this.interactions, this.changes]) {
      const ids = customerIds.flatMap((c) => table.of(c).map((r) => r.id));
      if (ids.length > 0) sealed.push(await table.sealRemove(ids));
    }
    return sealed;
  }

  /** Everything that happened to a customer, newest first. */
  timeline(customerId: string, created: { at: number; source: string }): TimelineEntry[] {
    this.mustBeLoaded();
    const entries: TimelineEntry[] = [
      ...this.purchases
        .of(customerId)
        .map((purchase) => ({ kind: 'purchase' as const, at: purchase.at, purchase })),
      ...this.interactions
        .of(customerId)
        .map((interaction) => ({ kind: 'interaction' as const, at: interaction.at, interaction })),
      ...this.changes
        .of(customerId)
        .map((change) => ({ kind: 'change' as const, at: change.at, change })),
      { kind: 'created', at: created.at, source: created.source },
    ];
    return entries.sort((a, b) => b.at - a.at);
  }

  clear(): void {
    this.closed = true;
    this.loaded = false;
    this.purchases.clear();
    this.interactions.clear();
    this.changes.clear();
  }

  /** A customer's figures with some purchases or interactions added, or some taken away. */
  private figuresWith(
    customerId: string,
    change: { purchases?: Purchase[]; interactions?: Interaction[]; without?: Set<string> },
  ): CustomerFigures {
    const kept = <T extends { id: string }>(rows: T[]) =>
      change.without ? rows.filter((r) => !change.without!.has(r.id)) : rows;
    return figuresOf(
      kept([...this.purchases.of(customerId), ...(change.purchases ?? [])]),
      kept([...this.interactions.of(customerId), ...(change.interactions ?? [])]),
    );
  }
}
