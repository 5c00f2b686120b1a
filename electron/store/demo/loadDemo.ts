import { generateDemoCustomers } from '../../../shared/demo/customers';
import type { DemoProgress } from '../../../shared/contract/demo';
import type { CallContext } from '../../../shared/contract/define';
import type { CustomerStore } from '../customers/customerStore';

/** Adds generated customers in one transaction: a cancel leaves the file as it was. */
export async function loadDemo(
  store: CustomerStore,
  count: number,
  seed: number,
  ctx: CallContext,
): Promise<number> {
  const inputs = generateDemoCustomers(count, seed);
  ctx.progress({ done: 0, total: count } satisfies DemoProgress);
  const created = await store.createMany(inputs, {
    shouldStop: () => ctx.signal.aborted,
    onProgress: (done, total) => ctx.progress({ done, total } satisfies DemoProgress),
  });
  return created.length;
}
