import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContract, CoreEvents } from '../../shared/contract/core';
import { connect } from '../../shared/rpc/client';
import { portEndpoint } from '../../shared/rpc/endpoint';
import { startStore } from './startStore';

const open: MessageChannel[] = [];
afterEach(() => {
  for (const c of open.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

async function storeAndClient() {
  const channel = new MessageChannel();
  open.push(channel);
  // Calls sent before the store has opened its database must not be lost.
  const client = connect<CoreContract, CoreEvents>(portEndpoint(channel.port2));
  const early = client.send('system.ping', {});
  await startStore(portEndpoint(channel.port1), `store-${crypto.randomUUID()}`);
  await early;
  return { channel, client };
}

describe('the store over a real MessageChannel', () => {
  it('serves the customer slice and pushes changes', async () => {
    const { client } = await storeAndClient();
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
    expect(edited.city).toBe('Lyon');
    const { total, rows } = await client.send('customers.list', { offset: 0, limit: 10 });
    expect(total).toBe(1);
    expect(rows[0]).toEqual(edited);
    await client.send('customers.delete', { ids: [created.id] });
    await expect(client.send('customers.get', { id: created.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(changes).toEqual([
      { kind: 'created', ids: [created.id] },
      { kind: 'updated', ids: [created.id] },
      { kind: 'deleted', ids: [created.id] },
    ]);
  });

  it('answers a malformed message with VALIDATION and keeps serving', async () => {
    const { channel, client } = await storeAndClient();
    const replies: unknown[] = [];
    const raw = channel.port2;
    raw.addEventListener('message', (e) => replies.push(e.data));
    raw.postMessage({
      id: 'bad',
      method: 'customers.create',
      arg: { customer: { email: 'not-an-email' } },
    });
    raw.postMessage({ nonsense: true });
    await expect(client.send('customers.list', { offset: 0, limit: 1 })).resolves.toEqual({
      total: 0,
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
  });

  it('loads demo customers with progress, and a cancel keeps none of them', async () => {
    const { client } = await storeAndClient();
    const controller = new AbortController();
    const seen: unknown[] = [];
    const cancelled = client.send(
      'demo.load',
      { count: 50_000, seed: 3 },
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
    const done = await client.send('demo.load', { count: 1200, seed: 3 });
    expect(done).toEqual({ created: 1200 });
    expect((await client.send('customers.list', { offset: 0, limit: 1 })).total).toBe(1200);
  });
});
