import { beforeEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../shared/contract/define';
import { customerInputSchema, type Customer } from '../../../shared/domain/customer';
import { generateDemoCustomers } from '../../../shared/demo/customers';
import { customersToCsv } from '../../../shared/export/csv';
import { allExportColumns } from '../../../shared/export/exportColumns';
import { randomBytes } from '../../../shared/vault/bytes';
import { PageCipher } from '../crypto/pageCipher';
import { openDatabase, type ComptoirDatabase } from '../db/database';
import { Session } from '../session';
import type { CustomerImports } from './customerImports';

let db: ComptoirDatabase;
let cipher: PageCipher;
let seq = 0;
const options = { now: () => 1_700_000_000_000 + seq, newId: () => `id${++seq}` };
const open = async () => (await Session.open(db, cipher, options)).session;
const bytes = (text: string) => new TextEncoder().encode(text);
const SHEET = [
  'Prénom,Nom,Email,Téléphone,Ville',
  'Marie,Dupont,marie@example.fr,06 12 34 56 78,Lyon',
  'Luc,Martin,luc@example.fr,,Paris',
  'Bad,Row,not-an-email,,Nice',
].join('\n');
const run = { dateOrder: 'dmy', policy: 'fill', matchOn: ['email', 'phone'] } as const;

/** The wizard's first step: the file sent in parts of 64 bytes (several appends), then read. */
async function inspect(imports: CustomerImports, name: string, data: Uint8Array) {
  const { fileId } = imports.open({ name, size: data.byteLength });
  for (let at = 0; at < data.byteLength; at += 64) {
    await imports.append({ fileId, offset: at, bytes: data.subarray(at, at + 64) });
  }
  return imports.inspect({ fileId });
}

/** Everything a file holds, as the next unlock would read it. */
async function snapshot() {
  const file = await open();
  return [...file.customers.all()].sort((a, b) => a.id.localeCompare(b.id));
}

beforeEach(async () => {
  db = openDatabase(`imports-${crypto.randomUUID()}`);
  cipher = await PageCipher.fromDataKey(randomBytes(32));
  seq = 0;
});

describe('customer imports', () => {
  it('runs what the preview showed, then undo puts the file back exactly', async () => {
    const file = await open();
    const marie = await file.customers.create(
      customerInputSchema.parse({
        firstName: 'Marie',
        lastName: 'Dupont',
        email: 'marie@example.fr',
      }),
    );
    const before = await snapshot();
    const staged = await inspect(file.imports, 'clients.csv', bytes(SHEET));
    expect(staged).toMatchObject({ hasHeader: true, delimiter: ',', rows: 3 });
    const choices = {
      fileId: staged.fileId,
      mapping: staged.suggested,
      ...run,
      matchOn: [...run.matchOn],
    };
    const preview = await file.imports.preview(choices);
    expect(preview.counts).toMatchObject({ create: 1, update: 1, reject: 1 });
    expect(preview.rejected[0]).toMatchObject({ line: 4 });

    const summary = await file.imports.run(choices);
    expect(summary.counts).toEqual(preview.counts);
    expect(summary.rejectedCsv).toContain('Bad,Row,not-an-email');
    const after = await snapshot();
    expect(after).toHaveLength(2);
    expect(after.find((c) => c.id === marie.id)).toMatchObject({
      city: 'Lyon',
      phone: '+33612345678',
      tags: [summary.tag],
      version: 2,
    });
    expect(file.imports.lastImport()?.importId).toBe(summary.importId);

    const undone = await file.imports.undo(summary.importId);
    expect(undone).toMatchObject({ removed: 1, restored: 1, keptChanged: 0 });
    expect(await snapshot()).toEqual(before);
    // Its change-log entries went with it.
    expect((await file.timeline(marie.id)).filter((e) => e.kind === 'change')).toEqual([]);
    await expect(file.imports.undo(summary.importId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a cancelled import writes nothing', async () => {
    const file = await open();
    const rows = Array.from({ length: 4500 }, (_, i) => `N${i},P${i},p${i}@example.fr,,`);
    const staged = await inspect(
      file.imports,
      'big.csv',
      bytes(['Nom,Prénom,Email,Téléphone,Ville', ...rows].join('\n')),
    );
    const controller = new AbortController();
    const ctx: CallContext = {
      signal: controller.signal,
      progress: () => controller.abort(),
    };
    await expect(
      file.imports.run(
        { fileId: staged.fileId, mapping: staged.suggested, ...run, matchOn: ['email'] },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await snapshot()).toEqual([]);
  });

  it('keeps a customer changed after the import when undoing it', async () => {
    const file = await open();
    const staged = await inspect(file.imports, 'a.csv', bytes(SHEET));
    const summary = await file.imports.run({
      fileId: staged.fileId,
      mapping: staged.suggested,
      ...run,
      matchOn: ['email'],
    });
    const luc = [...file.customers.all()].find((c) => c.firstName === 'Luc')!;
    await file.updateCustomer(luc.id, { city: 'Rennes' }, luc.version);
    const undone = await file.imports.undo(summary.importId);
    expect(undone).toMatchObject({ removed: 1, keptChanged: 1 });
    expect((await snapshot()).map((c) => c.city)).toEqual(['Rennes']);
  });

  it('refuses a file with no rows, and a mapping of the wrong width, saying what', async () => {
    const file = await open();
    await expect(inspect(file.imports, 'empty.csv', bytes('\n\n'))).rejects.toThrow(
      /empty\.csv has no rows/,
    );
    const staged = await inspect(file.imports, 'a.csv', bytes(SHEET));
    await expect(
      file.imports.preview({ fileId: staged.fileId, mapping: ['email'], ...run, matchOn: [] }),
    ).rejects.toThrow(/mapping has 1 columns, the file 5/);
  });

  it('imports a vCard file without a mapping; an unreadable card is a rejected row with its line', async () => {
    const file = await open();
    const cards = [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Varda;Agnès;;;\r\nEMAIL:agnes@example.fr\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Varda;Agnès\r\nTEL;CELL:06 12 34 56 78\r\nEMAIL:agnes@example.fr\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Demy;Jacques;;;',
    ].join('\r\n');
    const staged = await inspect(file.imports, 'contacts.vcf', bytes(cards));
    expect(staged).toMatchObject({ kind: 'vcard', rows: 3, headers: [] });
    const run = {
      fileId: staged.fileId,
      mapping: [],
      dateOrder: 'ymd' as const,
      policy: 'fill' as const,
      matchOn: ['email' as const],
    };
    const preview = await file.imports.preview(run);
    expect(preview.counts).toMatchObject({ create: 1, merge: 1, reject: 1 });
    expect(preview.rejected[0]).toMatchObject({ line: 12 }); // its BEGIN line
    await file.imports.run(run);
    expect([...file.customers.all()]).toEqual([
      expect.objectContaining({
        lastName: 'Varda',
        email: 'agnes@example.fr',
        phone: '+33612345678',
      }),
    ]);
  });

  it('runs the plan of the preview, unless a customer was written in between', async () => {
    const file = await open();
    const staged = await inspect(file.imports, 'a.csv', bytes(SHEET));
    const choices = {
      fileId: staged.fileId,
      mapping: staged.suggested,
      ...run,
      matchOn: ['email' as const],
    };
    expect((await file.imports.preview(choices)).counts).toMatchObject({ create: 2, update: 0 });
    // Luc is added by hand before the import runs: the run must see him, not the old plan.
    await file.customers.create(
      customerInputSchema.parse({ lastName: 'Martin', email: 'luc@example.fr' }),
    );
    const summary = await file.imports.run(choices);
    expect(summary.counts).toMatchObject({ create: 1, update: 1 });
    expect([...file.customers.all()]).toHaveLength(2);
  });
});

describe('orders imports', () => {
  // A Shopify orders export: one row per line item, the order's columns blank on its later rows.
  const ORDERS = [
    'Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name,Billing Phone',
    '#1001,marie@example.fr,paid,EUR,29.00,2025-05-11 09:55:16 +0200,2,Café en grains,8.50,CAF-1,Marie Dupont,',
    '#1001,,,,,,1,Tasse,12.00,TAS-1,,',
    '#1002,new@example.fr,paid,EUR,39.90,2025-05-12 10:00:00 +0200,1,Théière,39.90,THE-1,Jeanne Petit,06 11 22 33 44',
    '#1003,bad@example.fr,paid,EUR,5,2025-05-13 10:00:00 +0200,zéro,Savon,5.00,,Paul Bad,',
  ].join('\n');

  it('links orders to customers by email, creates the missing ones, updates figures; undo takes it all back', async () => {
    const file = await open();
    await file.customers.create(
      customerInputSchema.parse({
        firstName: 'Marie',
        lastName: 'Dupont',
        email: 'marie@example.fr',
        status: 'lead',
      }),
    );
    const before = await snapshot();
    const staged = await inspect(file.imports, 'orders_export.csv', bytes(ORDERS));
    expect(staged.orders.looksLike).toBe(true);
    const choices = {
      fileId: staged.fileId,
      what: 'orders' as const,
      mapping: staged.orders.suggested,
      ...run,
      matchOn: [...run.matchOn],
    };
    const preview = await file.imports.preview(choices);
    expect(preview.orders).toEqual({ orders: 2, lines: 3, newCustomers: 1, known: 0 });
    expect(preview.counts).toMatchObject({ create: 3, reject: 1 });
    expect(preview.rejected).toEqual([
      {
        line: 5,
        action: 'reject',
        problems: [{ field: 'Lineitem quantity', rule: 'invalidNumber' }],
      },
    ]);

    const summary = await file.imports.run(choices);
    expect(summary.orders).toEqual(preview.orders);
    expect(summary.rejectedCsv).toContain('#1003');
    const after = await open();
    const marie = [...after.customers.all()].find((c) => c.email === 'marie@example.fr')!;
    expect(marie.figures).toMatchObject({ orderCount: 1, totalSpentMinor: 2900 });
    expect(marie.status).toBe('customer'); // a first purchase makes a lead a customer
    const jeanne = [...after.customers.all()].find((c) => c.email === 'new@example.fr')!;
    expect(jeanne).toMatchObject({
      firstName: 'Jeanne',
      lastName: 'Petit',
      phone: '+33611223344',
      tags: [summary.tag],
      figures: { orderCount: 1, totalSpentMinor: 3990 },
    });
    const timeline = file.history.timeline(marie.id, { at: 0, source: '' });
    const purchase = timeline.find((e) => e.kind === 'purchase')!;
    expect(purchase).toMatchObject({
      at: Date.UTC(2025, 4, 11, 7, 55, 16),
      purchase: {
        orderId: '#1001',
        currency: 'EUR',
        lines: [
          { product: 'Café en grains', sku: 'CAF-1', quantity: 2, unitPriceMinor: 850 },
          { product: 'Tasse', sku: 'TAS-1', quantity: 1, unitPriceMinor: 1200 },
        ],
      },
    });

    // The same file again: nothing new, nothing twice.
    const again = await inspect(file.imports, 'orders_export.csv', bytes(ORDERS));
    const twice = await file.imports.preview({ ...choices, fileId: again.fileId });
    expect(twice.orders).toEqual({ orders: 0, lines: 0, newCustomers: 0, known: 2 });

    const undone = await file.imports.undo(summary.importId);
    expect(undone).toMatchObject({ removed: 1, restored: 1, purchases: 2 });
    expect(await snapshot()).toEqual(before);
    const reopened = await open();
    await reopened.history.whenLoaded();
    expect(reopened.history.purchaseCount).toBe(0);
  });
});

describe('export then import', () => {
  it('gives back identical records: every field a customer has, through a CSV', async () => {
    const first = await open();
    const demo = generateDemoCustomers(300, 21).map((c, i) =>
      customerInputSchema.parse({
        ...c,
        externalId: i % 3 === 0 ? `shop-${i}` : '',
        street: i % 4 === 0 ? '12 rue des Lilas\nBât. B' : c.street,
        notes: i % 5 === 0 ? 'Préfère être appelée le matin; "fidèle"' : '',
        // A second email beside a first one (alone, an import reads it as the first).
        additionalEmails: i % 7 === 0 && c.email ? [`autre.${i}@example.fr`] : [],
        consent: {
          ...c.consent,
          post: i % 6 === 0 ? { granted: i % 12 === 0, at: 0, source: 'salon' } : null,
          phone: i % 9 === 0 ? { granted: true, at: 0, source: 'salon' } : null,
        },
      }),
    );
    await first.customers.createMany(demo);
    const exported = [...first.customers.all()];
    const csv = customersToCsv(exported, allExportColumns([]), {
      delimiter: ';',
      bom: true,
      header: 'labels',
    });

    db = openDatabase(`imports-${crypto.randomUUID()}`);
    const second = await open();
    const staged = await inspect(second.imports, 'clients.csv', bytes(csv));
    const choices = { fileId: staged.fileId, mapping: staged.suggested, ...run, matchOn: [] };
    const summary = await second.imports.run({ ...choices, policy: 'create' });
    expect(summary.counts).toMatchObject({ create: 300, reject: 0 });
    const comparable = (c: Customer) => {
      // What an import sets itself: a new id and dates, its source, its tag; and a consent
      // answer is dated and sourced by the import that brought it (the answer itself is kept).
      const { id, createdAt, updatedAt, version, figures, source, sourceDetail, ...fields } = c;
      void [id, createdAt, updatedAt, version, figures, source, sourceDetail];
      const consent = Object.fromEntries(
        Object.entries(c.consent).map(([channel, entry]) => [channel, entry?.granted ?? null]),
      );
      return { ...fields, consent, tags: c.tags.filter((t) => t !== summary.tag) };
    };
    const byEmail = (list: Customer[]) =>
      list
        .map(comparable)
        .sort((a, b) => (a.email + a.lastName).localeCompare(b.email + b.lastName));
    expect(byEmail([...second.customers.all()])).toEqual(byEmail(exported));
  });
});
