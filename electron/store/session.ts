import type { DamagedPage } from '../../shared/contract/storeControl';
import type { Customer, CustomerPatch, CustomerStatus } from '../../shared/domain/customer';
import type {
  CustomerChange,
  Interaction,
  InteractionInput,
} from '../../shared/domain/interaction';
import type { Product } from '../../shared/domain/product';
import type { Purchase, PurchaseInput } from '../../shared/domain/purchase';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/settings';
import type { TimelineEntry } from '../../shared/domain/timeline';
import { AppError } from '../../shared/errors';
import { SegmentStore } from './segments/segmentStore';
import type { SavedSegment } from '../../shared/segments/savedSegment';
import { CatalogStore } from './catalog/catalogStore';
import type { PageCodec } from './crypto/pageCodec';
import { customerPageEncoding } from './customers/customerPacking';
import { CustomerStore, type PreparedUpdate } from './customers/customerStore';
import type { ComptoirDatabase } from './db/database';
import { HistoryStore } from './history/historyStore';
import { purchasePageEncoding } from './history/purchasePacking';
import { rfmOf } from './kpi/rfmOf';
import type { RfmExplanation } from '../../shared/kpi/kpiTypes';
import { loadDemo } from './demo/loadDemo';
import type { CallContext } from '../../shared/contract/define';
import { CustomerImports } from './import/customerImports';
import { PageManifestKeeper } from './pages/pageManifestKeeper';
import type { PageSnapshot } from './pages/pageSnapshot';
import { RecordPages, writeSealed, type RecordPagesOptions } from './pages/recordPages';
import { newId as newUuid } from './ids/newId';

/** The tables an unlock reads before it answers (read ahead while the file is locked). */
export const UNLOCK_TABLES = ['customers', 'products', 'settings', 'segments'] as const;

/** The customers' pages, sealed as columns. */
export function openCustomerPages(
  db: ComptoirDatabase,
  codec: PageCodec,
  options: Pick<RecordPagesOptions<Customer>, 'now' | 'snapshot' | 'manifest'> = {},
): RecordPages<Customer> {
  return new RecordPages<Customer>(db, codec, 'customers', {
    ...options,
    encoding: customerPageEncoding,
  });
}

export interface SessionOptions {
  now?: () => number;
  newId?: () => string;
  /** The pages as read ahead while locked, checked current by the caller. */
  snapshot?: PageSnapshot | null;
  /** When the history may start opening (the unlock: once the list's first page is out). */
  historyAfter?: Promise<void>;
  /**
   * The key of the file's sealed manifest of pages (StoreRuntime always gives it): pages are
   * checked against it as they open, and it is written with every page write.
   */
  manifestKey?: CryptoKey;
}

/**
 * An unlocked customer file: customers, their history, the catalog and settings. Writes that
 * touch several tables (a purchase and the figures it changes) go in one transaction.
 */
export class Session {
  readonly imports: CustomerImports;

  private constructor(
    private readonly db: ComptoirDatabase,
    readonly customers: CustomerStore,
    readonly history: HistoryStore,
    readonly catalog: CatalogStore,
    readonly segments: SegmentStore,
    private readonly now: () => number,
    newId: () => string,
  ) {
    this.imports = new CustomerImports({
      db,
      customers,
      history,
      settings: () => catalog.settings(),
      now,
      newId,
    });
  }

  static async open(
    db: ComptoirDatabase,
    codec: PageCodec,
    options: SessionOptions = {},
  ): Promise<{
    session: Session;
    damaged: DamagedPage[];
    /** The history's damaged pages, once it is open (after the list). */
    historyDamaged: Promise<DamagedPage[]>;
  }> {
    const now = options.now ?? Date.now;
    const newId = options.newId ?? newUuid;
    const { snapshot } = options;
    const opened = options.manifestKey
      ? await PageManifestKeeper.open(db, options.manifestKey, snapshot?.manifest)
      : null;
    const manifest = opened?.keeper;
    const pages = <T extends { id: string }>(table: string) =>
      new RecordPages<T>(db, codec, table, { now, snapshot, manifest });
    // The history reads its pages itself, after the list (the snapshot does not hold them).
    const historyPages = <T extends { id: string }>(table: string, options = {}) =>
      new RecordPages<T>(db, codec, table, { now, manifest, ...options });
    const customerPages = openCustomerPages(db, codec, { now, snapshot, manifest });
    // Every table opens at once; customers read the settings only when they are written.
    let settings = (): Settings => DEFAULT_SETTINGS;
    const segmentPages = pages<SavedSegment>('segments');
    const [{ catalog, damaged: d1 }, { store, damaged: d3 }, { records: saved, damaged: d4 }] =
      await Promise.all([
        CatalogStore.open(pages<Product>('products'), pages('settings'), now, newId),
        CustomerStore.open(customerPages, { now, newId, settings: () => settings() }),
        segmentPages.loadAll(),
      ]);
    // The history opens once the list can be shown: 1M purchase lines would add seconds to
    // the unlock. Whatever reads it waits for it (see HistoryStore.opening).
    const { history, loaded } = HistoryStore.opening(
      {
        purchases: historyPages<Purchase>('purchases', { encoding: purchasePageEncoding }),
        interactions: historyPages<Interaction>('interactions'),
        changes: historyPages<CustomerChange>('changes'),
      },
      newId,
      options.historyAfter,
    );
    settings = () => catalog.settings();
    const segments = new SegmentStore(segmentPages, saved, {
      customers: store,
      history,
      settings,
      now,
      newId,
    });
    return {
      session: new Session(db, store, history, catalog, segments, now, newId),
      damaged: [...(opened?.damaged ?? []), ...d3, ...d1, ...d4],
      historyDamaged: loaded,
    };
  }

  /** Demo customers and their purchases, in one transaction (see `loadDemo`). */
  loadDemo(count: number, seed: number, ctx: CallContext): Promise<number> {
    return loadDemo(
      {
        db: this.db,
        customers: this.customers,
        history: this.history,
        settings: () => this.catalog.settings(),
        now: this.now,
      },
      count,
      seed,
      ctx,
    );
  }

  async updateCustomer(
    id: string,
    patch: CustomerPatch,
    expectedVersion: number,
  ): Promise<Customer> {
    return (
      await this.commitUpdate(await this.customers.prepareUpdate(id, patch, expectedVersion))
    )[0]!;
  }

  async bulkUpdate(
    ids: string[],
    change: { addTags: string[]; removeTags: string[]; status?: CustomerStatus },
  ) {
    return (await this.commitUpdate(await this.customers.prepareBulk(ids, change))).length;
  }

  /** Erasure: the customers and everything recorded about them, in one transaction. */
  async deleteCustomers(ids: string[]): Promise<number> {
    const removed = await this.customers.prepareDelete(ids);
    const history = await this.history.prepareForget(removed.ids);
    await writeSealed(this.db, [removed.sealed, ...history]);
    return removed.ids.length;
  }

  async addPurchase(input: PurchaseInput): Promise<Purchase> {
    this.customers.get(input.customerId);
    const { sealed, purchase, figures } = await this.history.preparePurchase(input, this.now());
    const customer = await this.customers.prepareFigures(input.customerId, figures);
    const log = await this.history.prepareChanges(customer.changes);
    await writeSealed(this.db, [sealed, customer.sealed, ...log]);
    return purchase;
  }

  async addInteraction(input: InteractionInput): Promise<Interaction> {
    this.customers.get(input.customerId);
    const { sealed, interaction, figures } = await this.history.prepareInteraction(
      input,
      this.now(),
    );
    const customer = await this.customers.prepareFigures(input.customerId, figures);
    await writeSealed(this.db, [sealed, customer.sealed]);
    return interaction;
  }

  async remove(kind: 'purchase' | 'interaction', id: string): Promise<string> {
    const removed = await this.history.prepareRemove(kind, id);
    const customer = await this.customers.prepareFigures(removed.customerId, removed.figures);
    await writeSealed(this.db, [removed.sealed, customer.sealed]);
    return removed.customerId;
  }

  async timeline(id: string): Promise<TimelineEntry[]> {
    await this.history.whenLoaded();
    const customer = this.customers.get(id);
    return this.history.timeline(id, { at: customer.createdAt, source: customer.source });
  }

  /** A customer's RFM group today, and why (the record shows it under the figures). */
  rfmOf(customerId: string): Promise<RfmExplanation | null> {
    const { customers, history, catalog, now } = this;
    return rfmOf({ customers, history, settings: () => catalog.settings(), now }, customerId);
  }

  async updateSettings(settings: Settings): Promise<Settings> {
    await this.history.whenLoaded();
    if (settings.currency !== this.catalog.settings().currency && this.history.purchaseCount > 0) {
      throw new AppError('VALIDATION', 'The currency cannot change once purchases are recorded', [
        { path: ['settings', 'currency'], rule: 'invalidChoice' },
      ]);
    }
    return this.catalog.updateSettings(settings);
  }

  clear(): void {
    this.imports.clear();
    this.customers.clear();
    this.history.clear();
    this.catalog.clear();
    this.segments.clear();
  }

  private async commitUpdate(prepared: PreparedUpdate): Promise<Customer[]> {
    const log = await this.history.prepareChanges(prepared.changes);
    await writeSealed(this.db, [prepared.sealed, ...log]);
    return prepared.customers;
  }
}
