import { yieldToEvents } from '../../../shared/async/yieldToEvents';
import type { DamagedPage } from '../../../shared/contract/storeControl';
import type { Customer } from '../../../shared/domain/customer';
import { AppError } from '../../../shared/errors';
import type { PageCodec } from '../crypto/pageCodec';
import type { ComptoirDatabase, PageRow } from '../db/database';
import { normaliseEmail, normalisePhone } from './normalise';

const TABLE = 'customers';
export const PAGE_CAPACITY = 500;

export interface Change {
  put: Customer[];
  remove: string[];
}

export interface SaveControl {
  shouldStop?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

interface Hashes {
  email: string;
  emailHash: string;
  phone: string;
  phoneHash: string;
}

const pageId = (n: number) => `${TABLE}/${String(n).padStart(6, '0')}`;

/**
 * Customers stored as encrypted pages of up to PAGE_CAPACITY records: one IndexedDB row and
 * one AES-GCM call per page, not per customer, which is what makes unlocking 100k fast.
 * A write re-seals only the pages it touches, all in one transaction.
 */
export class CustomerPages {
  private readonly pageOf = new Map<string, string>();
  private readonly members = new Map<string, Set<string>>();
  private readonly hashes = new Map<string, Hashes>();
  private lastPage = -1;

  constructor(
    private readonly db: ComptoirDatabase,
    private readonly codec: PageCodec,
    private readonly now: () => number = Date.now,
  ) {}

  /** Opens every page; a page that fails to open is moved to quarantine and reported. */
  async loadAll(): Promise<{ customers: Customer[]; damaged: DamagedPage[] }> {
    const rows = await this.db.pages.where('table').equals(TABLE).toArray();
    const opened = await Promise.all(
      rows.map(async (row) => {
        try {
          const records = await this.codec.open(TABLE, row.id, row);
          if (!Array.isArray(records)) throw new Error('not a list of records');
          return { ok: true as const, row, records: records as Customer[] };
        } catch (error) {
          return { ok: false as const, row, error };
        }
      }),
    );
    const customers: Customer[] = [];
    const damaged: DamagedPage[] = [];
    for (const result of opened) {
      const number = Number(result.row.id.slice(TABLE.length + 1));
      this.lastPage = Math.max(this.lastPage, Number.isFinite(number) ? number : 0);
      if (!result.ok) {
        damaged.push({ pageId: result.row.id, count: result.row.count });
        continue;
      }
      const ids = new Set<string>();
      for (const customer of result.records) {
        ids.add(customer.id);
        this.pageOf.set(customer.id, result.row.id);
        customers.push(customer);
      }
      this.members.set(result.row.id, ids);
    }
    if (damaged.length > 0) await this.quarantine(opened.flatMap((r) => (r.ok ? [] : [r])));
    return { customers, damaged };
  }

  private async quarantine(results: { row: PageRow; error: unknown }[]): Promise<void> {
    const at = this.now();
    await this.db.transaction('rw', this.db.pages, this.db.quarantine, async () => {
      for (const { row, error } of results) {
        await this.db.quarantine.put({ ...row, quarantinedAt: at, reason: String(error) });
        await this.db.pages.delete(row.id);
      }
    });
  }

  /**
   * Writes a change: new customers fill the last page with room, then new pages. Every
   * touched page is sealed first, then all are written in one transaction; the maps here
   * follow only once it has committed.
   */
  async save(
    change: Change,
    current: (id: string) => Customer | undefined,
    control: SaveControl = {},
  ) {
    const removed = new Set(change.remove);
    const putById = new Map(change.put.map((c) => [c.id, c]));
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
    for (const customer of change.put) {
      if (this.pageOf.has(customer.id)) {
        membersOf(this.pageOf.get(customer.id)!);
        continue;
      }
      let page = lastPage >= 0 ? pageId(lastPage) : null;
      if (!page || membersOf(page).size >= PAGE_CAPACITY) page = pageId(++lastPage);
      membersOf(page).add(customer.id);
      placed.set(customer.id, page);
    }

    const rows: PageRow[] = [];
    const emptied: string[] = [];
    const hashes = new Map<string, Hashes>();
    let done = 0;
    for (const [page, ids] of members) {
      if (control.shouldStop) await yieldToEvents();
      if (control.shouldStop?.()) throw new AppError('CANCELLED', 'The operation was cancelled');
      if (ids.size === 0) {
        emptied.push(page);
        continue;
      }
      const records = [...ids].map((id) => recordOf(id)!);
      const pageHashes = await Promise.all(records.map((record) => this.hashesOf(record)));
      records.forEach((record, i) => hashes.set(record.id, pageHashes[i]!));
      const sealed = await this.codec.seal(TABLE, page, records);
      rows.push({
        id: page,
        table: TABLE,
        ...sealed,
        count: records.length,
        updatedAt: this.now(),
        emailIndex: unique(records.map((r) => hashes.get(r.id)!.emailHash)),
        phoneIndex: unique(records.map((r) => hashes.get(r.id)!.phoneHash)),
      });
      done += records.length;
      control.onProgress?.(done, change.put.length);
    }
    if (control.shouldStop?.()) throw new AppError('CANCELLED', 'The operation was cancelled');

    await this.db.transaction('rw', this.db.pages, async () => {
      if (rows.length > 0) await this.db.pages.bulkPut(rows);
      if (emptied.length > 0) await this.db.pages.bulkDelete(emptied);
    });

    this.lastPage = lastPage;
    for (const [page, ids] of members) {
      if (ids.size === 0) this.members.delete(page);
      else this.members.set(page, ids);
    }
    for (const [id, page] of placed) this.pageOf.set(id, page);
    for (const id of removed) {
      this.pageOf.delete(id);
      this.hashes.delete(id);
    }
    for (const [id, h] of hashes) this.hashes.set(id, h);
  }

  /** Ids of customers whose normalised email or phone matches exactly, from the blind index. */
  async findPageIds(kind: 'email' | 'phone', value: string): Promise<string[]> {
    const normalised = kind === 'email' ? normaliseEmail(value) : normalisePhone(value);
    if (!normalised) return [];
    const hash = await this.codec.blindIndex(kind, normalised);
    return this.db.pages
      .where(kind === 'email' ? 'emailIndex' : 'phoneIndex')
      .equals(hash)
      .primaryKeys();
  }

  private async hashesOf(customer: Customer): Promise<Hashes> {
    const known = this.hashes.get(customer.id);
    const email = normaliseEmail(customer.email);
    const phone = normalisePhone(customer.phone);
    if (known && known.email === email && known.phone === phone) return known;
    return {
      email,
      phone,
      emailHash: email ? await this.codec.blindIndex('email', email) : '',
      phoneHash: phone ? await this.codec.blindIndex('phone', phone) : '',
    };
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
