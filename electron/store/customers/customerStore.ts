import { yieldToEvents } from '../../../shared/async/yieldToEvents';
import {
  DEFAULT_LIST_SORT,
  isFiltered,
  type CustomerPage,
  type ListFilter,
} from '../../../shared/contract/customers';
import type { DamagedPage } from '../../../shared/contract/storeControl';
import {
  hasIdentity,
  upgradeCustomer,
  type Customer,
  type CustomerInput,
  type CustomerPatch,
  type CustomerStatus,
} from '../../../shared/domain/customer';
import { EMPTY_FIGURES, type CustomerFigures } from '../../../shared/domain/figures';
import type { CustomerChange } from '../../../shared/domain/interaction';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import {
  writeSealed,
  type RecordPages,
  type SaveControl,
  type SealedChange,
} from '../pages/recordPages';
import { diffCustomer } from './customerDiff';
import {
  filterIds,
  firstIds,
  sortedIdsOf,
  sortKeys,
  type ListSort,
  type SortKeys,
} from './customerOrder';
import { applyRules } from './customerRules';
import { CustomerSearch } from './customerSearch';
import { newId as newUuid } from '../ids/newId';

export interface ListQuery {
  offset: number;
  limit: number;
  query?: string;
  filter?: ListFilter;
  sort: ListSort;
  /** The members of the filter's segment or dashboard figure, resolved by the caller. */
  members?: ReadonlySet<string>;
}

/** Rows a first page may ask for before the whole order is sorted. */
const FIRST_ROWS = 1000;
/** Rows computed for a first page (the UI asks for 50). */
const FIRST_PAGE = 100;
const sortKey = (sort: ListSort) => `${sort.field}:${sort.direction}`;

export interface StoreOptions {
  now?: () => number;
  newId?: () => string;
  settings?: () => Settings;
}

/** An update sealed but not written yet: the session writes it with the change log. */
export interface PreparedUpdate {
  sealed: SealedChange;
  customers: Customer[];
  changes: Omit<CustomerChange, 'id'>[];
}

/**
 * The customer file once unlocked: the encrypted pages are the durable truth, memory serves
 * reads. Every write is committed to the pages first; memory follows only once it has.
 */
/** A customer with new figures; a first purchase makes a lead or a prospect a customer. */
export function withFigures(current: Customer, figures: CustomerFigures): Customer {
  const promote =
    figures.orderCount > 0 && (current.status === 'lead' || current.status === 'prospect');
  return { ...current, figures, status: promote ? 'customer' : current.status };
}

export class CustomerStore {
  private readonly byId = new Map<string, Customer>();
  private readonly search = new CustomerSearch((id) => this.byId.get(id));
  private writes = 0;
  private everyoneList: { writes: number; customers: readonly Customer[] } | null = null;
  /** The search index being built in the background, once. */
  private warming: Promise<void> | null = null;
  private sorted: { key: string; ids: string[] } | null = null;
  private first: { key: string; ids: string[] } | null = null;
  private pending: { key: string; keys: SortKeys } | null = null;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly settings: () => Settings;

  private constructor(
    readonly pages: RecordPages<Customer>,
    options: StoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? newUuid;
    this.settings = options.settings ?? (() => DEFAULT_SETTINGS);
  }

  static async open(
    pages: RecordPages<Customer>,
    options: StoreOptions = {},
  ): Promise<{ store: CustomerStore; damaged: DamagedPage[] }> {
    const store = new CustomerStore(pages, options);
    const { records, damaged } = await pages.loadAll();
    // The page encoding gives customers in their current shape.
    for (const customer of records) store.byId.set(customer.id, customer);
    return { store, damaged };
  }

  get count(): number {
    return this.byId.size;
  }

  list({ offset, limit, ...query }: ListQuery): CustomerPage {
    this.startWarming();
    const plain = !query.query?.trim() && !isFiltered(query.filter);
    if (plain && offset + limit <= FIRST_ROWS && this.sorted?.key !== sortKey(query.sort)) {
      // The first page of an order not sorted yet (at unlock): its rows alone, the rest after.
      const first = this.firstPage(query.sort, offset + limit).slice(offset);
      setTimeout(() => this.matching(query), 0);
      return {
        total: this.byId.size,
        all: this.byId.size,
        rows: first.map((id) => this.byId.get(id)!),
      };
    }
    const ids = this.matching(query);
    const rows = ids.slice(offset, offset + limit).map((id) => this.byId.get(id)!);
    return { total: ids.length, all: this.byId.size, rows };
  }

  /**
   * The first rows of an order before it is sorted whole. The runtime asks for the list's
   * default order as soon as the file is open, while the UI draws itself.
   */
  firstPage(sort: ListSort, count = FIRST_PAGE): string[] {
    const key = sortKey(sort);
    if (this.first?.key !== key || this.first.ids.length < Math.min(count, this.byId.size)) {
      this.first = { key, ids: firstIds(this.byId.values(), sort, Math.max(count, FIRST_PAGE)) };
    }
    return this.first.ids.slice(0, count);
  }

  /** Every customer's id in an order of the list (kept until a write): a segment's preview. */
  ordered(sort: ListSort = DEFAULT_LIST_SORT): readonly string[] {
    return this.sortedIds(sort);
  }

  /** Ids the list shows for a search, filters and order. */
  matching({ sort, query = '', filter, members }: Omit<ListQuery, 'offset' | 'limit'>): string[] {
    this.startWarming();
    const ordered = this.sortedIds(sort);
    const found = query.trim() ? this.search.search(query, ordered) : ordered;
    return isFiltered(filter)
      ? filterIds(found, filter!, (id) => this.byId.get(id)!, members)
      : found;
  }

  /**
   * The search index builds in the background, started by the runtime right after the unlock
   * (or by the first list call), in slices so that calls are still answered in between.
   */
  startWarming(): Promise<void> {
    this.warming ??= new Promise<void>((resolve) =>
      setTimeout(async () => {
        try {
          await this.search.warm(this.byId.keys(), 1000);
          if (this.sorted) this.search.prepare(this.sorted.ids);
        } finally {
          resolve();
        }
      }, 0),
    );
    return this.warming;
  }

  get(id: string): Customer {
    const customer = this.byId.get(id);
    if (!customer) throw new AppError('NOT_FOUND', `No customer with id ${id}`, { id });
    return customer;
  }

  /** Tags in use, most used first. */
  tags(): { tag: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const c of this.byId.values())
      for (const tag of c.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return [...counts]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  async create(input: CustomerInput): Promise<Customer> {
    const [customer] = await this.createMany([input], {}, ['customer']);
    return customer!;
  }

  /** Adds many customers in one transaction; a stop before it commits keeps none. */
  async createMany(
    inputs: CustomerInput[],
    control: SaveControl = {},
    at: (string | number)[] = ['customers'],
  ): Promise<Customer[]> {
    const { sealed, created } = await this.prepareCreateMany(inputs, control, at);
    await writeSealed(this.pages.db, [sealed]);
    return created;
  }

  /**
   * New customers checked and sealed, not yet written: the caller writes them with what goes
   * with them (the demo's purchases). `figures[i]`, when given, are customer i's figures.
   */
  async prepareCreateMany(
    inputs: CustomerInput[],
    control: SaveControl = {},
    at: (string | number)[] = ['customers'],
    /** What the demo knows of customer i: their figures, and when they became a customer. */
    known: { figures?: readonly CustomerFigures[]; createdAt?: readonly number[] } = {},
  ): Promise<{ sealed: SealedChange; created: Customer[] }> {
    const now = this.now();
    const settings = this.settings();
    const customers: Customer[] = [];
    for (let i = 0; i < inputs.length; i++) {
      // Checking phones costs ~40 µs each: a long batch lets a cancel in every 2000.
      if (control.shouldStop && i % 2000 === 1999) {
        await yieldToEvents();
        if (control.shouldStop()) throw new AppError('CANCELLED', 'The operation was cancelled');
      }
      const where = inputs.length === 1 ? at : [...at, i];
      const customer: Customer = {
        ...applyRules(inputs[i]!, undefined, settings, now, where),
        id: this.newId(),
        createdAt: known.createdAt?.[i] ?? now,
        updatedAt: now,
        version: 1,
        figures: EMPTY_FIGURES,
      };
      const given = known.figures?.[i];
      customers.push(given ? withFigures(customer, given) : customer);
    }
    const sealed = await this.pages.seal({ put: customers, remove: [] }, this.lookup, control);
    return {
      sealed: { ...sealed, apply: () => (sealed.apply(), this.remember(customers)) },
      created: customers,
    };
  }

  /** Adds customers that already have ids (a file written before encryption, a backup). */
  async adopt(customers: Customer[]): Promise<void> {
    const upgraded = customers.map(upgradeCustomer);
    await this.pages.save({ put: upgraded, remove: [] }, this.lookup);
    this.remember(upgraded);
  }

  /** Checks an edit and seals the new record; the caller writes it with its change log. */
  async prepareUpdate(
    id: string,
    patch: CustomerPatch,
    expectedVersion: number,
  ): Promise<PreparedUpdate> {
    const current = this.get(id);
    if (current.version !== expectedVersion) {
      throw new AppError(
        'CONFLICT',
        `Customer ${id} was changed elsewhere (version ${current.version}, edit based on ${expectedVersion})`,
        { id, storedVersion: current.version },
      );
    }
    const now = this.now();
    const checked = applyRules(definedOnly(patch), current, this.settings(), now, ['patch']);
    const next: Customer = { ...current, ...checked, updatedAt: now, version: current.version + 1 };
    if (!hasIdentity(next)) {
      throw new AppError('VALIDATION', 'A customer needs a name or an email', [
        { path: ['patch', 'lastName'], rule: 'nameOrEmailRequired' },
      ]);
    }
    return this.prepare([next], [current]);
  }

  /** Tags added or removed and a status set on many customers at once. */
  async prepareBulk(
    ids: string[],
    change: { addTags: string[]; removeTags: string[]; status?: CustomerStatus },
  ): Promise<PreparedUpdate> {
    const now = this.now();
    const removing = new Set(change.removeTags);
    const before: Customer[] = [];
    const after: Customer[] = [];
    for (const id of new Set(ids)) {
      const current = this.get(id);
      const tags = [
        ...new Set([...current.tags.filter((t) => !removing.has(t)), ...change.addTags]),
      ];
      const status = change.status ?? current.status;
      if (status === current.status && sameList(tags, current.tags)) continue;
      if (tags.length > 30) {
        throw new AppError('VALIDATION', `Customer ${id} would have more than 30 tags`, [
          { path: ['addTags'], rule: 'tooManyTags' },
        ]);
      }
      before.push(current);
      after.push({ ...current, tags, status, updatedAt: now, version: current.version + 1 });
    }
    return this.prepare(after, before);
  }

  /** New figures after a purchase or an interaction; a first purchase makes a lead a customer. */
  async prepareFigures(id: string, figures: CustomerFigures): Promise<PreparedUpdate> {
    const current = this.get(id);
    return this.prepare(
      [{ ...withFigures(current, figures), version: current.version + 1 }],
      [current],
    );
  }

  /**
   * An import's writes, or its undo's: new customers (given as inputs: ids and dates are set
   * here), customers changed (each with what it was, for the change log) and customers removed,
   * sealed together so that the caller writes them in one transaction.
   */
  async prepareImport(change: {
    /** An orders import gives the ids and figures of the customers it creates. */
    create: (CustomerInput & { id?: string; figures?: CustomerFigures })[];
    update: { before: Customer; next: Customer }[];
    remove?: string[];
    /** Earlier records written back as they were (an undo): no new version, no change log. */
    putBack?: Customer[];
  }): Promise<PreparedUpdate & { created: Customer[] }> {
    const now = this.now();
    const created = change.create.map((input): Customer => ({
      ...input,
      id: input.id ?? this.newId(),
      createdAt: now,
      updatedAt: now,
      version: 1,
      figures: input.figures ?? EMPTY_FIGURES,
    }));
    // A change is a new version of the record as stored, whatever the plan started from.
    const updated = change.update.map(({ before, next }): Customer => ({
      ...next,
      version: before.version + 1,
      updatedAt: now,
    }));
    const remove = change.remove ?? [];
    const put = [...created, ...updated, ...(change.putBack ?? [])];
    const sealed = await this.pages.seal({ put, remove }, this.lookup);
    return {
      created,
      customers: updated,
      changes: change.update
        .map(({ before, next }) => ({
          customerId: next.id,
          at: now,
          kind: 'updated' as const,
          fields: diffCustomer(before, next),
        }))
        .filter((c) => c.fields.length > 0),
      sealed: {
        ...sealed,
        apply: () => {
          sealed.apply();
          for (const id of remove) this.byId.delete(id);
          if (remove.length > 0) this.search.forget(remove);
          this.remember(put);
        },
      },
    };
  }

  /** Counts the writes that changed the customers: a plan made before a write is stale. */
  get writeCount(): number {
    return this.writes;
  }

  /**
   * Every customer as one list, the same list until a customer is written: segments and the
   * dashboard work out their columns once per list.
   */
  everyone(): readonly Customer[] {
    if (this.everyoneList?.writes !== this.writes)
      this.everyoneList = { writes: this.writes, customers: [...this.byId.values()] };
    return this.everyoneList.customers;
  }

  find(id: string): Customer | undefined {
    return this.byId.get(id);
  }

  /** Every customer, as stored now (an import matches its rows against them). */
  all(): IterableIterator<Customer> {
    return this.byId.values();
  }

  async prepareDelete(ids: string[]): Promise<{ sealed: SealedChange; ids: string[] }> {
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !this.byId.has(id));
    if (missing.length > 0) {
      throw new AppError('NOT_FOUND', `No customer with id ${missing[0]}`, { ids: missing });
    }
    const sealed = await this.pages.seal({ put: [], remove: unique }, this.lookup);
    return {
      ids: unique,
      sealed: {
        ...sealed,
        apply: () => {
          sealed.apply();
          this.writes++;
          for (const id of unique) this.byId.delete(id);
          this.sorted = null;
          this.first = null;
          this.pending = null;
          this.search.forget(unique);
        },
      },
    };
  }

  /** Forgets every decrypted record (on lock). */
  clear(): void {
    this.byId.clear();
    this.everyoneList = null;
    this.sorted = null;
    this.first = null;
    this.pending = null;
    this.search.clear();
  }

  private readonly lookup = (id: string) => this.byId.get(id);

  private async prepare(next: Customer[], before: Customer[]): Promise<PreparedUpdate> {
    const sealed = await this.pages.seal({ put: next, remove: [] }, this.lookup);
    const at = this.now();
    return {
      customers: next,
      changes: next
        .map((c, i) => ({
          customerId: c.id,
          at,
          kind: 'updated' as const,
          fields: diffCustomer(before[i]!, c),
        }))
        .filter((c) => c.fields.length > 0),
      sealed: {
        ...sealed,
        apply: () => {
          sealed.apply();
          this.remember(next);
        },
      },
    };
  }

  private remember(customers: Customer[]): void {
    this.writes++;
    for (const customer of customers) this.byId.set(customer.id, customer);
    this.sorted = null;
    this.first = null;
    this.pending = null;
    this.search.forget(customers.map((c) => c.id));
  }

  private sortedIds(sort: ListSort): string[] {
    const key = sortKey(sort);
    if (this.sorted?.key !== key) {
      const ids = sortedIdsOf(this.keysFor(sort));
      this.sorted = { key, ids };
      this.pending = null;
      // The search's table of list positions, ready before the next keystroke needs it.
      setTimeout(() => {
        if (this.sorted?.ids === ids) this.search.prepare(ids);
      }, 0);
    }
    return this.sorted.ids;
  }

  /** The sort keys of an order, built once for its first page and its full sort. */
  private keysFor(sort: ListSort): SortKeys {
    const key = sortKey(sort);
    if (this.pending?.key !== key) this.pending = { key, keys: sortKeys(this.byId.values(), sort) };
    return this.pending.keys;
  }
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
