import { describe, expect, it, vi } from 'vitest';
import type { CoreClient } from '../../../../shared/contract/core';
import { testCustomer } from '../../../../shared/domain/testCustomer';
import { createCustomerListStore, PAGE_SIZE, rowAt } from './customerListStore';

const customer = (i: number) => testCustomer(`c${i}`, { lastName: `N${i}` });

/** A fake store holding `total` customers, answering list pages like the real one. */
function fakeCore(total: () => number) {
  const send = vi.fn(async (_method: string, arg: { offset: number; limit: number }) => {
    const rows = [];
    for (let i = arg.offset; i < Math.min(arg.offset + arg.limit, total()); i++)
      rows.push(customer(i));
    return { total: total(), rows };
  });
  return { core: { send, on: () => () => {}, close() {} } as unknown as CoreClient, send };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('customer list pages', () => {
  it('fetches only the pages covering the asked rows, once each', async () => {
    const { core, send } = fakeCore(() => 1000);
    const store = createCustomerListStore(core);
    store.getState().refresh();
    await settle();
    expect(store.getState().total).toBe(1000);
    store.getState().ensureRows(PAGE_SIZE * 2 + 5, PAGE_SIZE * 3 + 5);
    store.getState().ensureRows(PAGE_SIZE * 2 + 6, PAGE_SIZE * 3 + 6);
    await settle();
    const offsets = send.mock.calls.map(([, arg]) => arg.offset);
    expect(offsets).toEqual([0, PAGE_SIZE * 2, PAGE_SIZE * 3]);
    expect(rowAt(store.getState().pages, PAGE_SIZE * 3 + 1)?.id).toBe(`c${PAGE_SIZE * 3 + 1}`);
  });

  it('keeps old rows on screen during a refresh, and drops pages past a shrunk end', async () => {
    let total = PAGE_SIZE * 2.5;
    const { core } = fakeCore(() => total);
    const store = createCustomerListStore(core);
    store.getState().refresh();
    store.getState().ensureRows(0, PAGE_SIZE * 2.25);
    await settle();
    expect(store.getState().pages.size).toBe(3);
    total = PAGE_SIZE * 0.75;
    store.getState().refresh();
    expect(store.getState().pages.size).toBe(3); // Stale pages still shown while fetching.
    await settle();
    expect(store.getState().total).toBe(PAGE_SIZE * 0.75);
    expect([...store.getState().pages.keys()]).toEqual([0]);
  });

  it('toggles sort direction on the same column and starts from scratch', async () => {
    const { core, send } = fakeCore(() => 10);
    const store = createCustomerListStore(core);
    store.getState().setSort('name');
    expect(store.getState().sort).toEqual({ field: 'name', direction: 'desc' });
    store.getState().setSort('city');
    expect(store.getState().sort).toEqual({ field: 'city', direction: 'asc' });
    await settle();
    expect(send.mock.calls.at(-1)?.[1]).toMatchObject({
      offset: 0,
      sort: { field: 'city', direction: 'asc' },
    });
  });

  it('ignores answers that arrive after a newer refresh', async () => {
    let resolveFirst: (v: unknown) => void = () => {};
    const send = vi
      .fn()
      .mockImplementationOnce(() => new Promise((r) => (resolveFirst = r)))
      .mockResolvedValue({ total: 1, rows: [customer(1)] });
    const store = createCustomerListStore({
      send,
      on: () => () => {},
      close() {},
    } as unknown as CoreClient);
    store.getState().refresh();
    store.getState().refresh();
    await settle();
    resolveFirst({ total: 99, rows: [customer(0)] });
    await settle();
    expect(store.getState().total).toBe(1);
    expect(rowAt(store.getState().pages, 0)?.id).toBe('c1');
  });
});
