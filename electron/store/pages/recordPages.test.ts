import { beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../../shared/domain/customer';
import { testCustomer } from '../../../shared/domain/testCustomer';
import { randomBytes } from '../../../shared/vault/bytes';
import { PageCipher } from '../crypto/pageCipher';
import { openDatabase, type ComptoirDatabase } from '../db/database';
import { openCustomerPages } from '../session';
import { PAGE_CAPACITY, RecordPages } from './recordPages';

let db: ComptoirDatabase;
let cipher: PageCipher;

const customer = (i: number, extra: Partial<Customer> = {}): Customer =>
  testCustomer(`id-${String(i).padStart(5, '0')}`, {
    firstName: 'Zoé',
    lastName: `Nom${i}`,
    email: `zoe${i}@exemple.fr`,
    phone: `06 12 34 ${String(i % 100).padStart(2, '0')} 00`,
    city: 'Saint-Étienne',
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  });
const pagesOf = (codec: PageCipher) => new RecordPages<Customer>(db, codec, 'customers');

beforeEach(async () => {
  db = openDatabase(`pages-${crypto.randomUUID()}`);
  cipher = await PageCipher.fromDataKey(randomBytes(32));
});

async function saveAll(customers: Customer[]) {
  const pages = pagesOf(cipher);
  await pages.loadAll();
  await pages.save({ put: customers, remove: [] }, () => undefined);
  return pages;
}

describe('encrypted record pages (customers)', () => {
  it('packs customers into pages of at most PAGE_CAPACITY, nothing personal in clear', async () => {
    await saveAll(Array.from({ length: PAGE_CAPACITY + 10 }, (_, i) => customer(i)));
    const rows = await db.pages.toArray();
    expect(rows.map((r) => r.count)).toEqual([PAGE_CAPACITY, 10]);
    const clear = JSON.stringify(rows.map(({ iv: _iv, data: _data, ...rest }) => rest));
    expect(clear).not.toMatch(/Zoé|Nom1|exemple|Étienne|06 12/);
    const bytes = new TextDecoder('latin1').decode(rows[1]!.data);
    expect(bytes).not.toContain('Nom');
  });

  it('reads back exactly what was written', async () => {
    const written = Array.from({ length: 30 }, (_, i) => customer(i));
    await saveAll(written);
    const { records: customers, damaged } = await pagesOf(cipher).loadAll();
    expect(damaged).toEqual([]);
    expect(customers).toEqual(written);
  });

  it('does not open with another key', async () => {
    await saveAll([customer(1)]);
    const other = await PageCipher.fromDataKey(randomBytes(32));
    const { records: customers, damaged } = await pagesOf(other).loadAll();
    expect(customers).toEqual([]);
    expect(damaged).toHaveLength(1);
  });

  it.each([false, true])(
    'quarantines a tampered page and a page moved to another id, opening the rest (gently: %s)',
    async (gently) => {
      await saveAll(Array.from({ length: PAGE_CAPACITY * 3 }, (_, i) => customer(i)));
      const [first, second, third] = await db.pages.orderBy('id').toArray();
      first!.data[40]! ^= 0x01; // One flipped bit.
      await db.pages.put(first!);
      await db.pages.put({ ...third!, iv: second!.iv, data: second!.data }); // Page 2 copied over page 3.
      const { records: customers, damaged } = await pagesOf(cipher).loadAll({ gently });
      expect(customers).toEqual(
        Array.from({ length: PAGE_CAPACITY }, (_, i) => customer(PAGE_CAPACITY + i)),
      );
      expect(damaged.map((d) => d.pageId).sort()).toEqual([first!.id, third!.id]);
      expect(damaged.every((d) => d.count === PAGE_CAPACITY)).toBe(true);
      expect(await db.quarantine.count()).toBe(2);
      expect(await db.pages.count()).toBe(1);
    },
  );

  it('files nothing but ids, counts, times and its version beside a customer page: no blind index', async () => {
    // Sealed the way the session seals customers (columns).
    const pages = openCustomerPages(db, cipher);
    await pages.loadAll();
    await pages.save({ put: [customer(1), customer(2)], remove: [] }, () => undefined);
    const [row] = await db.pages.toArray();
    expect(Object.keys(row!).sort()).toEqual([
      'count',
      'data',
      'id',
      'iv',
      'table',
      'updatedAt',
      'version',
    ]);
  });

  it('re-seals only the touched page on update, and drops an emptied page', async () => {
    const pages = await saveAll(Array.from({ length: PAGE_CAPACITY + 1 }, (_, i) => customer(i)));
    const before = await db.pages.toArray();
    const current = (id: string) => customer(Number(id.slice(3)));
    await pages.save({ put: [customer(PAGE_CAPACITY, { city: 'Lyon' })], remove: [] }, current);
    const after = await db.pages.toArray();
    expect(after[0]!.data).toEqual(before[0]!.data);
    expect(after[1]!.data).not.toEqual(before[1]!.data);
    await pages.save({ put: [], remove: [customer(PAGE_CAPACITY).id] }, current);
    expect(await db.pages.count()).toBe(1);
  });
});
