import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { coreContract } from '../../shared/contract/core';
import { dispatch } from '../../shared/rpc/dispatch';
import { malformedArg } from '../../shared/rpc/testing/argArbitraries';
import { answeredProperly } from '../../shared/rpc/testing/answeredProperly';
import { randomBytes } from '../../shared/vault/bytes';
import { createCoreHandlers } from './core';
import { openDatabase } from './db/database';
import { StoreRuntime, encryptedCodec } from './storeRuntime';

/** Methods whose valid form deletes or replaces data: fuzzed with invalid arguments only. */
const DESTRUCTIVE = new Set([
  'customers.delete',
  'customers.bulkUpdate',
  'purchases.delete',
  'interactions.delete',
  'segments.delete',
  'import.undo',
  'import.run',
  'demo.load',
]);
const RUNS = 40;

let runtime: StoreRuntime;
let handlers: ReturnType<typeof createCoreHandlers>;
const ctx = () => ({ signal: new AbortController().signal, progress: () => {} });
const call = (method: string, arg: unknown) => dispatch(coreContract, handlers, method, arg, ctx());

/** Every table of the file, row by row: what a call that failed must leave as it was. */
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(runtime.db.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  );

beforeAll(async () => {
  runtime = new StoreRuntime(openDatabase(`fuzz-${crypto.randomUUID()}`), encryptedCodec);
  await runtime.unlock(randomBytes(32));
  handlers = createCoreHandlers(runtime, () => {});
  const made = await call('customers.create', { customer: { lastName: 'Martin' } });
  expect(made.ok).toBe(true);
  // Today's segment sizes are written once; later lists find them there (no write).
  await runtime.file().history.whenLoaded();
  expect((await call('segments.list', {})).ok).toBe(true);
});

describe('every CoreApi method fed random and malformed arguments', () => {
  it.each(Object.keys(coreContract))(
    '%s answers VALIDATION or a proper result, writes nothing when it refuses, and the store keeps serving',
    async (method) => {
      const schema = coreContract[method as keyof typeof coreContract].arg;
      await fc.assert(
        fc.asyncProperty(malformedArg(schema), async (arg) => {
          if (DESTRUCTIVE.has(method)) fc.pre(!schema.safeParse(arg).success);
          const before = await snapshot();
          const outcome = await call(method, arg);
          answeredProperly(outcome);
          if (!outcome.ok) expect(await snapshot()).toEqual(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS },
      );
      const after = await call('customers.list', { offset: 0, limit: 5 });
      expect(after).toMatchObject({ ok: true, value: { all: expect.any(Number) } });
    },
  );
});
