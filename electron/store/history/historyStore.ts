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
import { AppError } from '../../../shared/errors';
import type { RecordPages, SealedChange } from '../pages/recordPages';

/** Rows of one kind filed by customer, so a customer's history is read without a scan. */
class ByCustomer<T extends { id: string; customerId: string }> {
  readonly byId = new Map<string, T>();
  private readonly lists = new Map<string, T[]>();

  add(row: T): void {
    this.byId.set(row.id, row);
    const list = this.lists.get(row.customerId);
    if (list) list.push(row);
    else this.lists.set(row.customerId, [row]);
  }

  remove(id: string): void {
    const row = this.byId.get(id);
    if (!row) return;
    this.byId.delete(id);
    const list = this.lists.get(row.customerId)?.filter((r) => r.id !== id) ?? [];
    if (list.length > 0) this.lists.set(row.customerId, list);
    else this.lists.delete(row.customerId);
  }

  of(customerId: string): readonly T[] {
    return this.lists.get(customerId) ?? [];
  }

  get size(): number {
    return this.byId.size;
  }

  clear(): void {
    this.byId.clear();
    this.lists.clear();
  }
}

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
  private readonly purchases = new ByCustomer<Purchase>();
  private readonly interactions = new ByCustomer<Interaction>();
  private readonly changes = new ByCustomer<CustomerChange>();

  private constructor(
    private readonly pages: HistoryPages,
    private readonly newId: () => string,
  ) {}

  static async open(
    pages: HistoryPages,
    newId: () => string,
  ): Promise<{ history: HistoryStore; damaged: DamagedPage[] }> {
    const history = new HistoryStore(pages, newId);
    const [p, i, c] = await Promise.all([
      pages.purchases.loadAll(),
      pages.interactions.loadAll(),
      pages.changes.loadAll(),
    ]);
    for (const row of p.records) history.purchases.add(row);
    for (const row of i.records) history.interactions.add(row);
    for (const row of c.records) history.changes.add(row);
    return { history, damaged: [...p.damaged, ...i.damaged, ...c.damaged] };
  }

  get purchaseCount(): number {
    return this.purchases.size;
  }

  async preparePurchase(input: PurchaseInput, now: number) {
    const purchase: Purchase = {
      ...input,
      id: this.newId(),
      totalMinor: purchaseTotalMinor(input.lines),
      createdAt: now,
    };
    const sealed = await this.sealAdd(this.pages.purchases, this.purchases, purchase);
    const figures = this.figuresWith(input.customerId, { purchase });
    return { sealed, purchase, figures };
  }

  async prepareInteraction(input: InteractionInput, now: number) {
    const interaction: Interaction = { ...input, id: this.newId(), createdAt: now };
    const sealed = await this.sealAdd(this.pages.interactions, this.interactions, interaction);
    const figures = this.figuresWith(input.customerId, { interaction });
    return { sealed, interaction, figures };
  }

  async prepareChanges(changes: Omit<CustomerChange, 'id'>[]): Promise<SealedChange[]> {
    if (changes.length === 0) return [];
    const rows = changes.map((c) => ({ ...c, id: this.newId() }));
    const sealed = await this.pages.changes.seal({ put: rows, remove: [] }, (id) =>
      this.changes.byId.get(id),
    );
    return [{ ...sealed, apply: () => (sealed.apply(), rows.forEach((r) => this.changes.add(r))) }];
  }

  /** Removes one purchase or interaction (a mistake at the counter) and the figures it made. */
  async prepareRemove(kind: 'purchase' | 'interaction', id: string) {
    const rows = kind === 'purchase' ? this.purchases : this.interactions;
    const pages = kind === 'purchase' ? this.pages.purchases : this.pages.interactions;
    const row = rows.byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', `No ${kind} with id ${id}`, { id });
    const sealed = await (pages as unknown as RecordPages<typeof row>).seal(
      { put: [], remove: [id] },
      (i) => rows.byId.get(i),
    );
    const figures = this.figuresWith(row.customerId, { without: id });
    return {
      customerId: row.customerId,
      figures,
      sealed: { ...sealed, apply: () => (sealed.apply(), rows.remove(id)) },
    };
  }

  /** Erasure: every purchase, interaction and change of these customers. */
  async prepareForget(customerIds: string[]): Promise<SealedChange[]> {
    const sealed: SealedChange[] = [];
    const kinds = [
      [this.pages.purchases, this.purchases],
      [this.pages.interactions, this.interactions],
      [this.pages.changes, this.changes],
    ] as const;
    for (const [pages, rows] of kinds) {
      const ids = customerIds.flatMap((c) => rows.of(c).map((r) => r.id));
      if (ids.length === 0) continue;
      const change = await (pages as unknown as RecordPages<{ id: string }>).seal(
        { put: [], remove: ids },
        (id) => rows.byId.get(id),
      );
      sealed.push({
        ...change,
        apply: () => (change.apply(), ids.forEach((id) => rows.remove(id))),
      });
    }
    return sealed;
  }

  /** Everything that happened to a customer, newest first. */
  timeline(customerId: string, created: { at: number; source: string }): TimelineEntry[] {
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
    this.purchases.clear();
    this.interactions.clear();
    this.changes.clear();
  }

  private figuresWith(
    customerId: string,
    extra: { purchase?: Purchase; interaction?: Interaction; without?: string },
  ): CustomerFigures {
    const purchases = [
      ...this.purchases.of(customerId),
      ...(extra.purchase ? [extra.purchase] : []),
    ];
    const interactions = [
      ...this.interactions.of(customerId),
      ...(extra.interaction ? [extra.interaction] : []),
    ];
    return figuresOf(
      purchases.filter((p) => p.id !== extra.without),
      interactions.filter((i) => i.id !== extra.without),
    );
  }

  private async sealAdd<T extends { id: string; customerId: string }>(
    pages: RecordPages<T>,
    rows: ByCustomer<T>,
    row: T,
  ): Promise<SealedChange> {
    const sealed = await pages.seal({ put: [row], remove: [] }, (id) => rows.byId.get(id));
    return { ...sealed, apply: () => (sealed.apply(), rows.add(row)) };
  }
}
