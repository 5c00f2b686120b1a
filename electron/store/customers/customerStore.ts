import { AppError } from '../../../shared/errors';
import {
  hasIdentity,
  type Customer,
  type CustomerInput,
  type CustomerPatch,
  type CustomerSortField,
} from '../../../shared/domain/customer';
import type { CustomerPage } from '../../../shared/contract/customers';
import type { DamagedPage } from '../../../shared/contract/storeControl';
import type { CustomerPages } from './customerPages';
import { CustomerSearch } from './customerSearch';
import { sortKeyOf } from './sortKey';

export interface ListQuery {
  offset: number;
  limit: number;
  query?: string;
  sort: { field: CustomerSortField; direction: 'asc' | 'desc' };
}

export interface StoreOptions {
  now?: () => number;
  newId?: () => string;
}

/**
 * The customer file once unlocked: the encrypted pages are the durable truth, memory serves
 * reads. Every write is committed to the pages first; memory follows only once it has.
 */
export class CustomerStore {
  private readonly byId = new Map<string, Customer>();
  private readonly search = new CustomerSearch((id) => this.byId.get(id));
  private warming = false;
  private sorted: { key: string; ids: string[] } | null = null;
  private readonly now: () => number;
  private readonly newId: () => string;

  private constructor(
    private readonly pages: CustomerPages,
    options: StoreOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  static async open(
    pages: CustomerPages,
    options: StoreOptions = {},
  ): Promise<{ store: CustomerStore; damaged: DamagedPage[] }> {
    const store = new CustomerStore(pages, options);
    const { customers, damaged } = await pages.loadAll();
    for (const customer of customers) store.byId.set(customer.id, customer);
    return { store, damaged };
  }

  get count(): number {
    return this.byId.size;
  }

  list({ offset, limit, sort, query = '' }: ListQuery): CustomerPage {
    if (!this.warming) {
      // The search index builds in the background once the first page is on its way, in
      // small slices so that list calls are still answered in between.
      this.warming = true;
      setTimeout(async () => {
        await this.search.warm(this.byId.keys(), 1000);
        if (this.sorted) this.search.prepare(this.sorted.ids);
      }, 100);
    }
    const ordered = this.sortedIds(sort);
    const ids = query.trim() ? this.search.search(query, ordered) : ordered;
    const rows = ids.slice(offset, offset + limit).map((id) => this.byId.get(id)!);
    return { total: ids.length, all: this.byId.size, rows };
  }

  get(id: string): Customer {
    const customer = this.byId.get(id);
    if (!customer) throw new AppError('NOT_FOUND', `No customer with id ${id}`, { id });
    return customer;
  }

  async create(input: CustomerInput): Promise<Customer> {
    const [customer] = await this.createMany([input]);
    return customer!;
  }

  /** Adds many customers in one transaction; a stop before it commits keeps none. */
  async createMany(
    inputs: CustomerInput[],
    control: {
      shouldStop?: () => boolean;
      onProgress?: (done: number, total: number) => void;
    } = {},
  ): Promise<Customer[]> {
    const at = this.now();
    const customers = inputs.map((input): Customer => ({
      ...input,
      id: this.newId(),
      createdAt: at,
      updatedAt: at,
      version: 1,
    }));
    await this.pages.save({ put: customers, remove: [] }, this.lookup, control);
    this.remember(customers);
    return customers;
  }

  /** Adds customers that already have ids (a file written before encryption, a backup). */
  async adopt(customers: Customer[]): Promise<void> {
    await this.pages.save({ put: customers, remove: [] }, this.lookup);
    this.remember(customers);
  }

  async update(id: string, patch: CustomerPatch, expectedVersion: number): Promise<Customer> {
    const current = this.get(id);
    if (current.version !== expectedVersion) {
      throw new AppError(
        'CONFLICT',
        `Customer ${id} was changed elsewhere (version ${current.version}, edit based on ${expectedVersion})`,
        { id, storedVersion: current.version },
      );
    }
    const next: Customer = {
      ...current,
      ...definedOnly(patch),
      updatedAt: this.now(),
      version: current.version + 1,
    };
    if (!hasIdentity(next)) {
      throw new AppError('VALIDATION', 'A customer needs a name or an email', [
        { path: ['patch', 'lastName'], rule: 'nameOrEmailRequired' },
      ]);
    }
    await this.pages.save({ put: [next], remove: [] }, this.lookup);
    this.remember([next]);
    return next;
  }

  async delete(ids: string[]): Promise<number> {
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !this.byId.has(id));
    if (missing.length > 0) {
      throw new AppError('NOT_FOUND', `No customer with id ${missing[0]}`, { ids: missing });
    }
    await this.pages.save({ put: [], remove: unique }, this.lookup);
    for (const id of unique) this.byId.delete(id);
    this.sorted = null;
    this.search.forget(unique);
    return unique.length;
  }

  /** Forgets every decrypted record (on lock). */
  clear(): void {
    this.byId.clear();
    this.sorted = null;
    this.search.clear();
  }

  private readonly lookup = (id: string) => this.byId.get(id);

  private remember(customers: Customer[]): void {
    for (const customer of customers) this.byId.set(customer.id, customer);
    this.sorted = null;
    this.search.forget(customers.map((c) => c.id));
  }

  private sortedIds(sort: ListQuery['sort']): string[] {
    const key = `${sort.field}:${sort.direction}`;
    if (this.sorted?.key !== key) {
      this.sorted = { key, ids: sortIds([...this.byId.values()], sort.field, sort.direction) };
    }
    return this.sorted.ids;
  }
}

/** Sorts by precomputed keys (folding accents once per customer, not once per comparison). */
function sortIds(
  customers: Customer[],
  field: CustomerSortField,
  direction: 'asc' | 'desc',
): string[] {
  const rows = customers.map((c) => ({
    id: c.id,
    empty: c[field] === '',
    key: sortKeyOf(c, field),
    last: sortKeyOf(c, 'lastName'),
    first: sortKeyOf(c, 'firstName'),
  }));
  const sign = direction === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    if (a.empty !== b.empty) return a.empty ? 1 : -1; // Empty values last, whatever the direction.
    return (
      sign * cmp(a.key, b.key) || cmp(a.last, b.last) || cmp(a.first, b.first) || cmp(a.id, b.id)
    );
  });
  return rows.map((r) => r.id);
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
