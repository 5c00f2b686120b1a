import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContract, CoreEvents } from '../../shared/contract/core';
import type { StoreControlContract } from '../../shared/contract/storeControl';
import type { VaultContract, VaultStatus } from '../../shared/contract/vault';
import { connect } from '../../shared/rpc/client';
import { portEndpoint } from '../../shared/rpc/endpoint';
import { startWindowStore, startWorkerStore } from './startStore';
import { TEST_KDF as FAST } from '../../shared/vault/testKdf';

const PASS = 'Vélo rouge, quai Saint-Antoine 1987!';
const open: MessageChannel[] = [];
afterEach(() => {
  for (const c of open.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** Browser mode's store as the page sees it: one port, CoreApi and the vault. */
function storeAndClient(dbName = `store-${crypto.randomUUID()}`) {
  const channel = new MessageChannel();
  open.push(channel);
  const client = connect<CoreContract & VaultContract, CoreEvents>(portEndpoint(channel.port2));
  const store = startWorkerStore(portEndpoint(channel.port1), { dbName, kdf: FAST });
  return { channel, client, store, dbName };
}

async function unlockedClient() {
  const setup = storeAndClient();
  await setup.client.send('vault.create', { passphrase: PASS });
  return setup;
}

describe('the browser-mode store over a real MessageChannel', () => {
  it('answers LOCKED before the file is created or unlocked', async () => {
    const { client } = storeAndClient();
    expect((await client.send('vault.status', {})).state).toBe('new');
    await expect(client.send('customers.list', { offset: 0, limit: 10 })).rejects.toMatchObject({
      code: 'LOCKED',
    });
    await expect(client.send('system.ping', {})).resolves.toHaveProperty('at');
  });

  it('creates the file, serves the customer slice, locks, and reopens with the passphrase', async () => {
    const { client, dbName } = await unlockedClient();
    const statuses: VaultStatus['state'][] = [];
    client.on('vault.changed', (s) => statuses.push(s.state));
    const changes: unknown[] = [];
    client.on('customers.changed', (c) => changes.push(c));
    const created = await client.send('customers.create', {
      customer: {
        firstName: ' Élodie ',
        lastName: 'Béranger',
        email: 'ELODIE@Example.fr',
        tags: ['vip', 'vip'],
      },
    });
    expect(created).toMatchObject({
      firstName: 'Élodie',
      email: 'elodie@example.fr',
      tags: ['vip'],
    });
    const edited = await client.send('customers.update', {
      id: created.id,
      patch: { city: 'Lyon' },
      expectedVersion: 1,
    });
    await client.send('vault.lock', {});
    await expect(client.send('customers.get', { id: created.id })).rejects.toMatchObject({
      code: 'LOCKED',
    });

    // A new process on the same database: only the passphrase opens it.
    const again = storeAndClient(dbName).client;
    expect((await again.send('vault.status', {})).state).toBe('locked');
    await expect(
      again.send('vault.unlock', { passphrase: 'wrong passphrase' }),
    ).rejects.toMatchObject({
      code: 'WRONG_SECRET',
    });
    expect(await again.send('vault.unlock', { passphrase: PASS })).toEqual({
      customers: 1,
      damaged: [],
    });
    expect(await again.send('customers.get', { id: created.id })).toEqual(edited);
    expect(statuses).toEqual(['locked']);
    expect(changes).toEqual([
      { kind: 'created', ids: [created.id] },
      { kind: 'updated', ids: [created.id] },
    ]);
  });

  it('reads the pages ahead while locked, and reads again if another tab wrote meanwhile', async () => {
    const { client, dbName } = await unlockedClient();
    await client.send('customers.create', { customer: { lastName: 'Avant' } });
    // A second tab on the same file starts locked and reads the sealed pages ahead.
    const later = storeAndClient(dbName).client;
    expect((await later.send('vault.status', {})).state).toBe('locked');
    // The first tab writes after that read: the read-ahead is stale.
    await client.send('customers.create', { customer: { lastName: 'Après' } });
    await later.send('vault.unlock', { passphrase: PASS });
    const { rows } = await later.send('customers.list', { offset: 0, limit: 10 });
    expect(rows.map((c) => c.lastName).sort()).toEqual(['Après', 'Avant']);
  });

  it('answers a malformed message with VALIDATION and keeps serving', async () => {
    const { channel, client } = await unlockedClient();
    const replies: unknown[] = [];
    const raw = channel.port2;
    raw.addEventListener('message', (e) => replies.push(e.data));
    raw.postMessage({
      id: 'bad',
      method: 'customers.create',
      arg: { customer: { email: 'not-an-email' } },
    });
    raw.postMessage({ nonsense: true });
    raw.postMessage({ id: 'key', method: 'vault.unlock', arg: { passphrase: 42 } });
    await expect(client.send('customers.list', { offset: 0, limit: 1 })).resolves.toEqual({
      total: 0,
      all: 0,
      rows: [],
    });
    expect(replies).toContainEqual(
      expect.objectContaining({
        id: 'bad',
        ok: false,
        error: expect.objectContaining({
          code: 'VALIDATION',
          details: expect.arrayContaining([{ path: ['customer', 'email'], rule: 'invalidEmail' }]),
        }),
      }),
    );
    expect(replies).toContainEqual(
      expect.objectContaining({
        id: null,
        ok: false,
        error: expect.objectContaining({ code: 'VALIDATION' }),
      }),
    );
    expect(replies).toContainEqual(
      expect.objectContaining({
        id: 'key',
        ok: false,
        error: expect.objectContaining({ code: 'VALIDATION' }),
      }),
    );
  });

  it('loads demo customers with progress, and a cancel keeps none of them', async () => {
    const { client } = await unlockedClient();
    const controller = new AbortController();
    const seen: unknown[] = [];
    const cancelled = client.send(
      'demo.load',
      { count: 5000, seed: 3 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p);
          if (seen.length === 2) controller.abort();
        },
      },
    );
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect((await client.send('customers.list', { offset: 0, limit: 1 })).total).toBe(0);
    expect(await client.send('demo.load', { count: 1200, seed: 3 })).toEqual({ created: 1200 });
    expect((await client.send('customers.list', { offset: 0, limit: 1 })).total).toBe(1200);
    // Buyers come with their purchases, and their figures are those purchases'.
    const { rows } = await client.send('customers.list', { offset: 0, limit: 100 });
    const buyers = rows.filter((c) => c.figures.orderCount > 0);
    expect(buyers.length).toBeGreaterThan(20);
    for (const buyer of buyers.slice(0, 10)) {
      const timeline = await client.send('customers.timeline', { id: buyer.id });
      const purchases = timeline.flatMap((e) => (e.kind === 'purchase' ? [e.purchase] : []));
      expect(purchases).toHaveLength(buyer.figures.orderCount);
      expect(purchases.reduce((n, p) => n + p.totalMinor, 0)).toBe(buyer.figures.totalSpentMinor);
      expect(Math.max(...purchases.map((p) => p.at))).toBe(buyer.figures.lastPurchaseAt);
      // They joined before buying (up to 60 days before), not at the moment of the demo load.
      expect(buyer.createdAt).toBeLessThanOrEqual(buyer.figures.firstPurchaseAt!);
      expect(buyer.createdAt).toBeGreaterThan(buyer.figures.firstPurchaseAt! - 61 * 86_400_000);
    }
  });
});

describe('backups in browser mode', () => {
  it('backup then restore into an empty profile gives identical records', async () => {
    const { client } = await unlockedClient();
    await client.send('demo.load', { count: 1500, seed: 9 });
    const { rows } = await client.send('customers.list', { offset: 0, limit: 1 });
    const buyer = rows[0]!;
    await client.send('purchases.add', {
      purchase: {
        customerId: buyer.id,
        at: 1_764_000_000_000,
        lines: [{ product: 'Café en grains', sku: 'CAF-1', quantity: 2, unitPriceMinor: 850 }],
        currency: 'EUR',
      },
    });
    const everyone = async (c: typeof client) => {
      const all = [];
      for (let offset = 0; offset < 1500; offset += 100)
        all.push(...(await c.send('customers.list', { offset, limit: 100 })).rows);
      return all;
    };
    const before = await everyone(client);
    const timeline = await client.send('customers.timeline', { id: buyer.id });
    const made = await client.send('vault.backup', {});
    // The demo's purchases (10 lines a customer on average, 1 to 5 a purchase) and the one above.
    expect(made.records.customers).toBe(1500);
    expect(made.records.purchases).toBeGreaterThan(1500 * 2);

    // Another laptop: a new profile, nothing created yet.
    const other = storeAndClient().client;
    expect((await other.send('vault.status', {})).state).toBe('new');
    await expect(
      other.send('vault.previewBackup', { bytes: made.bytes, passphrase: 'not the one' }),
    ).rejects.toMatchObject({ code: 'WRONG_SECRET' });
    const preview = await other.send('vault.previewBackup', {
      bytes: made.bytes,
      passphrase: PASS,
    });
    expect(preview).toMatchObject({ records: { customers: 1500 }, replacesFile: false });
    const report = await other.send('vault.restoreBackup', { bytes: made.bytes, passphrase: PASS });
    expect(report).toMatchObject({ customers: 1500, damaged: [] });
    expect(await everyone(other)).toEqual(before);
    expect(await other.send('customers.timeline', { id: buyer.id })).toEqual(timeline);
    // The restored file opens with the backup's passphrase from now on.
    await other.send('vault.lock', {});
    await expect(other.send('vault.unlock', { passphrase: PASS })).resolves.toMatchObject({
      customers: 1500,
    });
  });
});

describe('the Electron store window', () => {
  const channel = () => {
    const c = new MessageChannel();
    open.push(c);
    return c;
  };

  it('opens only with the key main hands over, and serves every UI load on its own port', async () => {
    const control = channel();
    const store = startWindowStore(portEndpoint(control.port1), {
      dbName: `window-${crypto.randomUUID()}`,
    });
    const main = connect<StoreControlContract>(portEndpoint(control.port2));
    const firstUi = channel();
    store.addUi(portEndpoint(firstUi.port1));
    const ui = connect<CoreContract, CoreEvents>(portEndpoint(firstUi.port2));
    await expect(ui.send('customers.list', { offset: 0, limit: 1 })).rejects.toMatchObject({
      code: 'LOCKED',
    });
    await expect(
      main.send('store.unlock', { dataKey: new Uint8Array(16) as Uint8Array<ArrayBuffer> }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await main.send('store.unlock', { dataKey: crypto.getRandomValues(new Uint8Array(32)) });
    await ui.send('customers.create', { customer: { firstName: 'Agnès', lastName: 'Varda' } });

    // The UI reloads: a new port, the same open file.
    const secondUi = channel();
    store.addUi(portEndpoint(secondUi.port1));
    const reloaded = connect<CoreContract, CoreEvents>(portEndpoint(secondUi.port2));
    expect((await reloaded.send('customers.list', { offset: 0, limit: 5 })).total).toBe(1);

    await main.send('store.lock', {});
    await expect(reloaded.send('customers.list', { offset: 0, limit: 5 })).rejects.toMatchObject({
      code: 'LOCKED',
    });
  });
});
