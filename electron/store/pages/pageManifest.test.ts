import { describe, expect, it } from 'vitest';
import { customerInputSchema } from '../../../shared/domain/customer';
import { interactionInputSchema } from '../../../shared/domain/interaction';
import { randomBytes, type Bytes } from '../../../shared/vault/bytes';
import { PageCipher } from '../crypto/pageCipher';
import { openDatabase, type PageRow } from '../db/database';
import { StoreRuntime, encryptedCodec } from '../storeRuntime';
import { MANIFEST_KEY, readManifest } from './manifestRow';
import { PAGE_CAPACITY } from './recordPages';

/** A file of `count` customers (pages of PAGE_CAPACITY, filled in order), locked. */
async function file(count: number) {
  const key = randomBytes(32);
  const db = openDatabase(`manifest-${crypto.randomUUID()}`);
  const runtime = new StoreRuntime(db, encryptedCodec);
  await runtime.unlock(key.slice());
  const created = await runtime
    .customers()
    .createMany(
      Array.from({ length: count }, (_, i) =>
        customerInputSchema.parse({ lastName: `Client ${i}` }),
      ),
    );
  runtime.lock();
  return { key, db, ids: created.map((c) => c.id) };
}

/** An edit of one customer, as the UI makes it. */
const edit = (r: StoreRuntime, id: string, city: string) =>
  r.file().updateCustomer(id, { city }, r.customers().get(id).version);

/** Opens the file with `key` as the next launch would: a new store on the same database. */
async function openWith(db: StoreRuntime['db'], key: Bytes, work?: (r: StoreRuntime) => unknown) {
  const runtime = new StoreRuntime(openDatabase(db.name), encryptedCodec);
  const report = await runtime.unlock(key.slice());
  await runtime.file().history.whenLoaded();
  await work?.(runtime);
  runtime.lock();
  return report;
}

const customerPage = (n: number) => `customers/${String(n).padStart(6, '0')}`;
const row = async (db: StoreRuntime['db'], id: string) => (await db.pages.get(id)) as PageRow;

describe('the sealed manifest of pages (issue 18: rollback and deletion are detected)', () => {
  it('an honest file opens with nothing reported, and every write keeps the manifest in step', async () => {
    const { key, db, ids } = await file(PAGE_CAPACITY + 20);
    expect(await readManifest(db)).not.toBeNull();
    expect(await openWith(db, key)).toEqual({ customers: PAGE_CAPACITY + 20, damaged: [] });
    await openWith(db, key, async (r) => {
      await edit(r, ids[0]!, 'Lyon');
      await r.file().deleteCustomers([ids[0]!]);
    });
    expect(await openWith(db, key)).toEqual({ customers: PAGE_CAPACITY + 19, damaged: [] });
  });

  it('a page put back as an older sealed copy of itself (a rollback) is reported and set aside', async () => {
    const { key, db, ids } = await file(PAGE_CAPACITY + 20);
    const older = await row(db, customerPage(1));
    await openWith(db, key, (r) => edit(r, ids.at(-1)!, 'Nantes'));
    const newer = await row(db, customerPage(1));
    expect(newer.version).toBe((older.version ?? 0) + 1);
    // The older copy opens on its own (its key, its id, its own version): only the manifest
    // says it is not the page's current copy.
    await db.pages.put(older);
    const report = await openWith(db, key);
    expect(report.damaged).toEqual([{ pageId: customerPage(1), count: 20, reason: 'outdated' }]);
    expect(report.customers).toBe(PAGE_CAPACITY);
    expect((await db.quarantine.get(customerPage(1)))?.reason).toMatch(/outdated/);
    // Reported once: the manifest no longer lists it; the page is in quarantine, not lost.
    expect(await openWith(db, key)).toEqual({ customers: PAGE_CAPACITY, damaged: [] });
  });

  it('an older copy relabelled with the current version does not open either', async () => {
    const { key, db, ids } = await file(30);
    const older = await row(db, customerPage(0));
    await openWith(db, key, (r) => edit(r, ids[0]!, 'Brest'));
    const newer = await row(db, customerPage(0));
    await db.pages.put({ ...older, version: newer.version });
    const report = await openWith(db, key);
    expect(report.damaged).toEqual([{ pageId: customerPage(0), count: 30, reason: 'altered' }]);
    expect(report.customers).toBe(0);
  });

  it('a deleted page is reported with the count the manifest gives it', async () => {
    const { key, db } = await file(PAGE_CAPACITY + 20);
    await db.pages.delete(customerPage(0));
    const report = await openWith(db, key);
    expect(report).toEqual({
      customers: 20,
      damaged: [{ pageId: customerPage(0), count: PAGE_CAPACITY, reason: 'missing' }],
    });
    // Once: it is struck off the manifest, and new customers never take its number.
    expect(await openWith(db, key)).toEqual({ customers: 20, damaged: [] });
  });

  it('an extra page (one the file emptied, put back) is reported and set aside', async () => {
    const { key, db, ids } = await file(PAGE_CAPACITY + 20);
    const emptied = await row(db, customerPage(1));
    await openWith(db, key, (r) => r.file().deleteCustomers(ids.slice(PAGE_CAPACITY)));
    expect(await db.pages.get(customerPage(1))).toBeUndefined();
    await db.pages.put(emptied);
    const report = await openWith(db, key);
    expect(report).toEqual({
      customers: PAGE_CAPACITY,
      damaged: [{ pageId: customerPage(1), count: 20, reason: 'unexpected' }],
    });
  });

  it('a history page rolled back is reported once the history opens', async () => {
    const { key, db, ids } = await file(3);
    const note = (at: number, text: string) =>
      interactionInputSchema.parse({ customerId: ids[0], kind: 'note', at, text });
    await openWith(db, key, (r) => r.file().addInteraction(note(1, 'un')));
    const older = await row(db, 'interactions/000000');
    await openWith(db, key, (r) => r.file().addInteraction(note(2, 'deux')));
    await db.pages.put(older);
    const runtime = new StoreRuntime(openDatabase(db.name), encryptedCodec);
    const late: unknown[] = [];
    runtime.onLateDamage = (pages) => late.push(...pages);
    expect((await runtime.unlock(key.slice())).damaged).toEqual([]);
    await runtime.file().history.whenLoaded();
    await expect
      .poll(() => late)
      .toEqual([{ pageId: 'interactions/000000', count: 1, reason: 'outdated' }]);
    runtime.lock();
  });

  it('a file from before manifests (pages without versions) opens, and gets a manifest', async () => {
    const { key, db } = await file(PAGE_CAPACITY + 20);
    // As the file was before this change: every page sealed as `table/id`, no version, no
    // manifest.
    const cipher = await PageCipher.fromDataKey(key.slice());
    for (const page of await db.pages.toArray()) {
      const records = await cipher.open(page.table, page.id, page, page.version);
      const { version: _version, ...old } = {
        ...page,
        ...(await cipher.seal(page.table, page.id, records)),
      };
      await db.pages.put(old);
    }
    await db.meta.delete(MANIFEST_KEY);
    expect(await openWith(db, key)).toEqual({ customers: PAGE_CAPACITY + 20, damaged: [] });
    // Trusted on first use: from now on a deleted page is seen.
    expect(await readManifest(db)).not.toBeNull();
    await db.pages.delete(customerPage(1));
    expect((await openWith(db, key)).damaged).toEqual([
      { pageId: customerPage(1), count: 20, reason: 'missing' },
    ]);
  });

  it('a manifest removed from a file whose pages have versions is reported', async () => {
    const { key, db } = await file(10);
    await db.meta.delete(MANIFEST_KEY);
    expect((await openWith(db, key)).damaged).toEqual([
      { pageId: 'manifest', count: 0, reason: 'manifest' },
    ]);
    expect(await openWith(db, key)).toEqual({ customers: 10, damaged: [] });
  });

  it('a manifest that does not open (altered) is reported, the pages still open', async () => {
    const { key, db } = await file(10);
    const sealed = (await readManifest(db))!;
    sealed.data[0]! ^= 1;
    await db.meta.put({ key: MANIFEST_KEY, value: sealed });
    expect(await openWith(db, key)).toEqual({
      customers: 10,
      damaged: [{ pageId: 'manifest', count: 0, reason: 'manifest' }],
    });
  });

  it('a second window on the same file that writes after the first is refused, not a rollback', async () => {
    const { key, db, ids } = await file(10);
    const first = new StoreRuntime(openDatabase(db.name), encryptedCodec);
    const second = new StoreRuntime(openDatabase(db.name), encryptedCodec);
    await first.unlock(key.slice());
    await second.unlock(key.slice());
    await edit(first, ids[0]!, 'Lyon');
    // The second window's memory predates that write: its write would undo it.
    await expect(edit(second, ids[1]!, 'Brest')).rejects.toMatchObject({ code: 'CONFLICT' });
    first.lock();
    second.lock();
    expect(await openWith(db, key)).toEqual({ customers: 10, damaged: [] });
  });
});
