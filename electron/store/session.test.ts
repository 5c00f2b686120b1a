import { beforeEach, describe, expect, it } from 'vitest';
import { customerInputSchema, type CustomerDraft } from '../../shared/domain/customer';
import { interactionInputSchema } from '../../shared/domain/interaction';
import {
  purchaseInputSchema,
  type Purchase,
  type PurchaseDraft,
} from '../../shared/domain/purchase';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { randomBytes } from '../../shared/vault/bytes';
import { PageCipher } from './crypto/pageCipher';
import { openDatabase, type ComptoirDatabase } from './db/database';
import { purchaseColumns } from '../../shared/segments/purchaseColumns';
import { purchaseListColumns } from '../../shared/kpi/kpiColumns';
import { Session } from './session';

let db: ComptoirDatabase;
let cipher: PageCipher;
let clock = 1_000;
let seq = 0;
const options = { now: () => clock++, newId: () => `id${++seq}` };
const input = (draft: CustomerDraft) => customerInputSchema.parse(draft);
const purchase = (customerId: string, prices: number[], at = clock): PurchaseDraft => ({
  customerId,
  at,
  currency: 'EUR',
  lines: prices.map((unitPriceMinor, i) => ({ product: `P${i}`, quantity: 1, unitPriceMinor })),
});
/** Opens the file as a fresh process would: from the encrypted pages only. */
const open = async () => (await Session.open(db, cipher, options)).session;

beforeEach(async () => {
  db = openDatabase(`session-${crypto.randomUUID()}`);
  cipher = await PageCipher.fromDataKey(randomBytes(32));
  seq = 0;
});

describe('an unlocked customer file', () => {
  it('opens the history after the list, and a write made meanwhile waits for it (nothing lost)', async () => {
    const file = await open();
    const c = await file.customers.create(input({ lastName: 'Martin' }));
    for (let i = 0; i < 3; i++)
      await file.addPurchase(purchaseInputSchema.parse(purchase(c.id, [100 + i])));
    const { session, historyDamaged } = await Session.open(db, cipher, options);
    // The list is there at once; the history's readers wait for it.
    expect(session.customers.get(c.id).figures.orderCount).toBe(3);
    expect(() => session.history.purchaseCount).toThrow(/before it was opened/);
    // Written before the history is in memory: it must land beside the three, not over them.
    const added = session.addPurchase(purchaseInputSchema.parse(purchase(c.id, [900])));
    const edited = session.updateCustomer(c.id, { city: 'Lyon' }, 4);
    expect(await historyDamaged).toEqual([]);
    await Promise.all([added, edited]);
    const again = await open();
    const kinds = (await again.timeline(c.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'purchase')).toHaveLength(4);
    // The first purchase made the lead a customer (logged), then the city.
    expect(kinds.filter((k) => k === 'change')).toHaveLength(2);
  });

  it('keeps the purchase columns as the purchases: opened, added, removed', async () => {
    const file = await open();
    const a = await file.customers.create(input({ lastName: 'A' }));
    const b = await file.customers.create(input({ lastName: 'B' }));
    const made: Purchase[] = [];
    for (let i = 0; i < 4; i++)
      made.push(
        await file.addPurchase(purchaseInputSchema.parse(purchase(i % 2 ? a.id : b.id, [100, i]))),
      );
    const again = await open();
    await again.history.whenLoaded();
    // Built from scratch from the purchases the test made, in the order they were made.
    const same = () => {
      expect(again.history.purchaseColumns()).toEqual(purchaseColumns([...made]));
      const kpi = again.history.kpiPurchases();
      const expected = purchaseListColumns(made);
      expect(Array.from(kpi.at)).toEqual(Array.from(expected.at));
      expect(Array.from(kpi.totalMinor)).toEqual(Array.from(expected.totalMinor));
      expect(Array.from(kpi.customer, (t) => kpi.texts[t])).toEqual(made.map((p) => p.customerId));
      expect(Array.from(kpi.channel, (t) => kpi.texts[t])).toEqual(made.map((p) => p.channel));
    };
    same();
    const added = await again.addPurchase(purchaseInputSchema.parse(purchase(a.id, [700])));
    made.push(added);
    same();
    expect(again.history.purchaseColumns().at).toHaveLength(5);
    await again.remove('purchase', made[1]!.id);
    made.splice(1, 1);
    same();
    expect(again.history.purchaseColumns().at).toHaveLength(4);
  });

  it('reports a damaged history page once the history is open, and keeps the rest', async () => {
    const file = await open();
    const c = await file.customers.create(input({ lastName: 'Martin' }));
    await file.addPurchase(purchaseInputSchema.parse(purchase(c.id, [100])));
    const row = (await db.pages.where('table').equals('purchases').first())!;
    await db.pages.put({ ...row, data: new Uint8Array(row.data.byteLength) });
    const { session, damaged, historyDamaged } = await Session.open(db, cipher, options);
    expect(damaged).toEqual([]);
    expect(await historyDamaged).toEqual([
      { pageId: row.id, count: row.count, reason: 'unreadable' },
    ]);
    expect(session.customers.get(c.id).lastName).toBe('Martin');
    const kinds = (await session.timeline(c.id)).map((e) => e.kind);
    expect(kinds).toEqual(['change', 'created']);
  });

  it('keeps nothing of a history still opening when the file is locked', async () => {
    const file = await open();
    const c = await file.customers.create(input({ lastName: 'Martin' }));
    await file.addPurchase(purchaseInputSchema.parse(purchase(c.id, [100])));
    const { session, historyDamaged } = await Session.open(db, cipher, options);
    session.clear();
    await historyDamaged;
    expect(() => session.history.kpiPurchases()).toThrow(/locked/);
  });

  it('keeps figures current on every purchase, and a first purchase makes a lead a customer', async () => {
    const file = await open();
    const c = await file.customers.create(input({ lastName: 'Martin' }));
    expect(c.status).toBe('lead');
    await file.addPurchase(purchaseInputSchema.parse(purchase(c.id, [250, 120], 5_000)));
    await file.addPurchase(purchaseInputSchema.parse(purchase(c.id, [1_000], 9_000)));
    const again = await open();
    expect(again.customers.get(c.id)).toMatchObject({
      status: 'customer',
      figures: {
        orderCount: 2,
        totalSpentMinor: 1_370,
        firstPurchaseAt: 5_000,
        lastPurchaseAt: 9_000,
        lastInteractionAt: null,
      },
    });
    // Timeline, newest first: both purchases, the status change, the creation.
    const kinds = (await again.timeline(c.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'purchase')).toHaveLength(2);
    expect(kinds.at(-1)).toBe('created');
    const change = (await again.timeline(c.id)).find((e) => e.kind === 'change');
    expect(change).toMatchObject({
      change: { fields: [{ field: 'status', from: 'lead', to: 'customer' }] },
    });
  });

  it('removing a purchase takes its amount out of the figures', async () => {
    const file = await open();
    const c = await file.customers.create(input({ lastName: 'Petit' }));
    const p1 = await file.addPurchase(purchaseInputSchema.parse(purchase(c.id, [500])));
    await file.addPurchase(purchaseInputSchema.parse(purchase(c.id, [300])));
    await file.remove('purchase', p1.id);
    expect((await open()).customers.get(c.id).figures).toMatchObject({
      orderCount: 1,
      totalSpentMinor: 300,
    });
  });

  it('records interactions and the last one in the figures', async () => {
    const file = await open();
    const c = await file.customers.create(input({ lastName: 'Roux' }));
    await file.addInteraction(
      interactionInputSchema.parse({
        customerId: c.id,
        kind: 'review',
        at: 7_000,
        rating: 4,
        text: 'Très bon pain',
      }),
    );
    const again = await open();
    expect(again.customers.get(c.id).figures.lastInteractionAt).toBe(7_000);
    expect((await again.timeline(c.id))[0]).toMatchObject({
      kind: 'interaction',
      interaction: { rating: 4 },
    });
  });

  it('refuses a purchase for a customer who does not exist, writing nothing', async () => {
    const file = await open();
    await expect(
      file.addPurchase(purchaseInputSchema.parse(purchase('nobody', [100]))),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.pages.where('table').equals('purchases').count()).toBe(0);
  });

  it('logs each edit with the value before and after', async () => {
    const file = await open();
    const c = await file.customers.create(input({ lastName: 'Leroy', city: 'Lyon' }));
    await file.updateCustomer(c.id, { city: 'Nantes', tags: ['vip'] }, 1);
    const change = (await (await open()).timeline(c.id)).find((e) => e.kind === 'change');
    expect(change).toMatchObject({
      change: {
        fields: [
          { field: 'city', from: 'Lyon', to: 'Nantes' },
          { field: 'tags', from: '', to: 'vip' },
        ],
      },
    });
  });

  it('tags and sets a status in bulk, skipping customers it would not change', async () => {
    const file = await open();
    const a = await file.customers.create(input({ lastName: 'A', tags: ['vip'] }));
    const b = await file.customers.create(input({ lastName: 'B' }));
    expect(await file.bulkUpdate([a.id, b.id], { addTags: ['vip'], removeTags: [] })).toBe(1);
    expect(
      await file.bulkUpdate([a.id, b.id], { addTags: [], removeTags: ['vip'], status: 'inactive' }),
    ).toBe(2);
    const again = await open();
    expect(again.customers.get(a.id)).toMatchObject({ tags: [], status: 'inactive' });
    expect(again.customers.get(b.id)).toMatchObject({ tags: [], status: 'inactive' });
  });

  it('erases a customer with every purchase, interaction and change about them', async () => {
    const file = await open();
    const c = await file.customers.create(input({ lastName: 'Gone' }));
    const kept = await file.customers.create(input({ lastName: 'Kept' }));
    await file.addPurchase(purchaseInputSchema.parse(purchase(c.id, [100])));
    await file.addPurchase(purchaseInputSchema.parse(purchase(kept.id, [100])));
    await file.updateCustomer(c.id, { city: 'Brest' }, file.customers.get(c.id).version);
    expect(await file.deleteCustomers([c.id])).toBe(1);
    const again = await open();
    expect(() => again.customers.get(c.id)).toThrow(/No customer/);
    await again.history.whenLoaded();
    expect(again.history.timeline(c.id, { at: 0, source: 'other' })).toEqual([
      { kind: 'created', at: 0, source: 'other' },
    ]);
    expect(again.history.purchaseCount).toBe(1);
  });

  it('stores phones as E.164 read with the default country, and names a bad one', async () => {
    const file = await open();
    const c = await file.customers.create(
      input({ lastName: 'Tel', phone: '06 12 34 56 78', additionalPhones: ['+44 7911 123456'] }),
    );
    expect(c).toMatchObject({ phone: '+33612345678', additionalPhones: ['+447911123456'] });
    await expect(
      file.customers.create(input({ lastName: 'Bad', phone: '01 23' })),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: ['customer', 'phone'], rule: 'invalidPhone' }],
    });
    await file.updateSettings({ ...DEFAULT_SETTINGS, defaultCountry: 'GB' });
    const uk = await (
      await open()
    ).customers.create(input({ lastName: 'Uk', phone: '07911 123456' }));
    expect(uk.phone).toBe('+447911123456');
  });

  it('checks custom values against the fields defined in settings', async () => {
    const file = await open();
    await file.updateSettings({
      ...DEFAULT_SETTINGS,
      customFields: [
        { id: 'size', label: 'Taille', type: 'choice', options: ['S', 'M', 'L'] },
        { id: 'visits', label: 'Visites', type: 'number', options: [] },
      ],
    });
    const c = await file.customers.create(
      input({ lastName: 'Custom', custom: { size: 'M', visits: 3 } }),
    );
    expect(c.custom).toEqual({ size: 'M', visits: 3 });
    await expect(file.updateCustomer(c.id, { custom: { size: 'XL' } }, 1)).rejects.toMatchObject({
      details: [{ path: ['patch', 'custom', 'size'], rule: 'invalidChoice' }],
    });
    await expect(file.updateCustomer(c.id, { custom: { colour: 'red' } }, 1)).rejects.toMatchObject(
      {
        details: [{ path: ['patch', 'custom', 'colour'], rule: 'unknownField' }],
      },
    );
    // Clearing one value keeps the others.
    const cleared = await file.updateCustomer(c.id, { custom: { size: null } }, 1);
    expect(cleared.custom).toEqual({ visits: 3 });
  });

  it('dates a consent answer itself when it changes, and keeps the date when it does not', async () => {
    const file = await open();
    clock = 50_000;
    const c = await file.customers.create(
      input({ lastName: 'Opt', consent: { email: { granted: true, at: 1, source: 'counter' } } }),
    );
    expect(c.consent.email).toEqual({ granted: true, at: 50_000, source: 'counter' });
    const same = await file.updateCustomer(
      c.id,
      { consent: { ...c.consent, sms: { granted: false, at: 0, source: 'counter' } } },
      1,
    );
    expect(same.consent.email?.at).toBe(50_000);
    expect(same.consent.sms).toMatchObject({ granted: false });
    expect(same.consent.sms!.at).toBeGreaterThan(50_000);
  });

  it('refuses to change the currency once purchases exist', async () => {
    const file = await open();
    const c = await file.customers.create(input({ lastName: 'Eur' }));
    await file.addPurchase(purchaseInputSchema.parse(purchase(c.id, [100])));
    await expect(
      file.updateSettings({ ...DEFAULT_SETTINGS, currency: 'GBP' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
