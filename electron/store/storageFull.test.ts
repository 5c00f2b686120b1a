import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coreContract } from '../../shared/contract/core';
import { dispatch } from '../../shared/rpc/dispatch';
import { randomBytes } from '../../shared/vault/bytes';
import { createCoreHandlers } from './core';
import { openDatabase, type ComptoirDatabase } from './db/database';
import { StoreRuntime, encryptedCodec } from './storeRuntime';

/**
 * IndexedDB out of room in the middle of a write (issue 18, faults). fake-indexeddb has no
 * quota, so the refusal is injected where a browser gives it: part of the rows are really
 * written inside the transaction, then the next write fails. The transaction must roll back
 * whole, the caller hear STORAGE_FULL, and memory stay as the disk is.
 */

let db: ComptoirDatabase;
let dataKey: Uint8Array;
let runtime: StoreRuntime;
let call: (method: string, arg: unknown) => ReturnType<typeof dispatch>;

const ctx = () => ({ signal: new AbortController().signal, progress: () => {} });
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Every table of the file, row by row. */
const tables = async () =>
  Object.fromEntries(
    await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  );

async function start(): Promise<void> {
  runtime = new StoreRuntime(db, encryptedCodec);
  await runtime.unlock(dataKey.slice());
  const handlers = createCoreHandlers(runtime, () => {});
  call = (method, arg) => dispatch(coreContract, handlers, method, arg, ctx());
  await runtime.file().history.whenLoaded();
}

const count = async () => {
  const listed = await call('customers.list', { offset: 0, limit: 1 });
  expect(listed.ok).toBe(true);
  return (listed as { value: { all: number } }).value.all;
};

/**
 * The next bulkPut of the pages writes its first half for real (in the transaction), then
 * fails the way `refuse` says.
 */
function failNextPagesWrite(refuse: () => Promise<never>): { calls: () => number } {
  const table = db.pages;
  const original = table.bulkPut.bind(table);
  let calls = 0;
  vi.spyOn(table, 'bulkPut').mockImplementationOnce((async (rows: unknown[]) => {
    calls++;
    await original(rows.slice(0, Math.ceil(rows.length / 2)) as never);
    return refuse();
  }) as never);
  return { calls: () => calls };
}

beforeEach(async () => {
  db = openDatabase(`quota-${crypto.randomUUID()}`);
  dataKey = randomBytes(32);
  await start();
  expect((await call('customers.create', { customer: { lastName: 'Martin' } })).ok).toBe(true);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('IndexedDB full in the middle of a write', () => {
  const refusals: [string, () => Promise<never>][] = [
    // What Dexie throws when IndexedDB refuses a put for lack of room.
    ['Dexie.QuotaExceededError', () => Promise.reject(new Dexie.QuotaExceededError(quota()))],
    // The browser's own DOMException, as a raw IDB request gives it.
    ['the DOMException', () => Promise.reject(quota())],
    // A bulk write where one row was refused.
    [
      'Dexie.BulkError',
      () => Promise.reject(new Dexie.BulkError('1 of 2 operations failed', { 1: quota() })),
    ],
  ];

  it.each(refusals)(
    'a demo load refused with %s answers STORAGE_FULL and leaves every table as it was',
    async (_, refuse) => {
      const before = await tables();
      const injected = failNextPagesWrite(refuse);
      const outcome = await call('demo.load', { count: 1200, seed: 7 });
      // The failure really came from inside the write, after part of it was done.
      expect(injected.calls()).toBe(1);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
      expect(await tables()).toEqual(before);
      expect(await count()).toBe(1);
    },
  );

  it('a new customer refused for room is neither on disk nor in memory; the next one is saved', async () => {
    const before = await tables();
    failNextPagesWrite(() => Promise.reject(new Dexie.QuotaExceededError(quota())));
    const refused = await call('customers.create', { customer: { lastName: 'Durand' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    expect(await tables()).toEqual(before);
    expect(await count()).toBe(1);
    const search = await call('customers.list', { offset: 0, limit: 5, query: 'Durand' });
    expect(search).toMatchObject({ ok: true, value: { total: 0 } });

    // Room again: the store keeps serving, and what it says is what a fresh unlock reads.
    expect((await call('customers.create', { customer: { lastName: 'Petit' } })).ok).toBe(true);
    expect(await count()).toBe(2);
    await runtime.lock();
    await start();
    expect(await count()).toBe(2);
    const names = await call('customers.list', { offset: 0, limit: 5 });
    expect(
      (names as { value: { rows: { lastName?: string }[] } }).value.rows.map((r) => r.lastName),
    ).toEqual(expect.arrayContaining(['Martin', 'Petit']));
  });

  it('an edit refused for room keeps the version and the change log as they were', async () => {
    const listed = await call('customers.list', { offset: 0, limit: 1 });
    const martin = (listed as { value: { rows: { id: string; version: number }[] } }).value
      .rows[0]!;
    const before = await tables();
    failNextPagesWrite(() => Promise.reject(new Dexie.QuotaExceededError(quota())));
    const refused = await call('customers.update', {
      id: martin.id,
      patch: { city: 'Lyon' },
      expectedVersion: martin.version,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    expect(await tables()).toEqual(before);
    const still = await call('customers.get', { id: martin.id });
    expect(still).toMatchObject({ ok: true, value: { version: martin.version } });
    expect((still as { value: { city?: string } }).value.city).not.toBe('Lyon');
    // The same edit, based on the same version, goes through once there is room.
    const saved = await call('customers.update', {
      id: martin.id,
      patch: { city: 'Lyon' },
      expectedVersion: martin.version,
    });
    expect(saved).toMatchObject({ ok: true, value: { city: 'Lyon' } });
  });
});
