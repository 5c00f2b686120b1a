import { AppError } from '../../../shared/errors';
import {
  hasIdentity,
  type Customer,
  type CustomerInput,
  type CustomerPatch,
  type CustomerSortField,
} from '../../../shared/domain/customer';
import type { ComptoirDatabase } from '../db/database';
import { compareCustomers } from './sortKey';

export interface ListQuery {
  offset: number;
  limit: number;
  sort: { field: CustomerSortField; direction: 'asc' | 'desc' };
}

/**
 * The customer file: Dexie is the durable truth, memory serves reads. Every write is a
 * Dexie transaction first; memory follows only once it has committed.
 */
export class CustomerStore {
  private readonly byId = new Map<string, Customer>();
  private sorted: { key: string; ids: string[] } | null = null;

  private constructor(
    private readonly db: ComptoirDatabase,
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {}

  static async open(
    db: ComptoirDatabase,
    options: { now?: () => number; newId?: () => string } = {},
  ): Promise<CustomerStore> {
    const store = new CustomerStore(
      db,
      options.now ?? Date.now,
      options.newId ?? (() => crypto.randomUUID()),
    );
    for (const customer of await db.customers.toArray()) store.byId.set(customer.id, customer);
    return store;
  }

  get count(): number {
    return this.byId.size;
  }

  list({ offset, limit, sort }: ListQuery): { total: number; rows: Customer[] } {
    const ids = this.sortedIds(sort);
    const rows = ids.slice(offset, offset + limit).map((id) => this.byId.get(id)!);
    return { total: ids.length, rows };
  }

  get(id: string): Customer {
    const customer = this.byId.get(id);
    if (!customer) throw new AppError('NOT_FOUND', `No customer with id ${id}`, { id });
    return customer;
  }

  async create(input: CustomerInput): Promise<Customer> {
    const at = this.now();
    const customer: Customer = {
      ...input,
      id: this.newId(),
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await this.db.customers.add(customer);
    this.remember([customer]);
    return customer;
  }

  /** Adds many customers in one transaction; `shouldStop` is checked between batches. */
  async createMany(
    inputs: CustomerInput[],
    onBatch: (done: number) => void,
    shouldStop: () => boolean,
    batchSize = 5000,
  ): Promise<Customer[]> {
    const at = this.now();
    const customers = inputs.map((input): Customer => ({
      ...input,
      id: this.newId(),
      createdAt: at,
      updatedAt: at,
      version: 1,
    }));
    await this.db.transaction('rw', this.db.customers, async () => {
      for (let start = 0; start < customers.length; start += batchSize) {
        if (shouldStop()) throw new AppError('CANCELLED', 'The operation was cancelled');
        await this.db.customers.bulkAdd(customers.slice(start, start + batchSize));
        onBatch(Math.min(start + batchSize, customers.length));
      }
    });
    this.remember(customers);
    return customers;
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
    await this.db.customers.put(next);
    this.remember([next]);
    return next;
  }

  async delete(ids: string[]): Promise<number> {
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => !this.byId.has(id));
    if (missing.length > 0) {
      throw new AppError('NOT_FOUND', `No customer with id ${missing[0]}`, { ids: missing });
    }
    await this.db.customers.bulkDelete(unique);
    for (const id of unique) this.byId.delete(id);
    this.sorted = null;
    return unique.length;
  }

  private remember(customers: Customer[]): void {
    for (const customer of customers) this.byId.set(customer.id, customer);
    this.sorted = null;
  }

  private sortedIds(sort: ListQuery['sort']): string[] {
    const key = `${sort.field}:${sort.direction}`;
    if (this.sorted?.key !== key) {
      const all = [...this.byId.values()];
      all.sort((a, b) => compareCustomers(a, b, sort.field, sort.direction));
      this.sorted = { key, ids: all.map((c) => c.id) };
    }
    return this.sorted.ids;
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
