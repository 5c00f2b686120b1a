import { generateDemoCustomers } from '../../../shared/demo/customers';
import { DEMO_LINES_PER_CUSTOMER, generateDemoPurchases } from '../../../shared/demo/purchases';
import type { DemoProgress } from '../../../shared/contract/demo';
import type { CallContext } from '../../../shared/contract/define';
import { figuresOf, type CustomerFigures } from '../../../shared/domain/figures';
import { purchaseTotalMinor } from '../../../shared/domain/purchase';
import type { Settings } from '../../../shared/domain/settings';
import type { CustomerStore } from '../customers/customerStore';
import type { ComptoirDatabase } from '../db/database';
import type { HistoryStore } from '../history/historyStore';
import { seededRandom } from '../../../shared/demo/random';
import { AppError } from '../../../shared/errors';

const DAY = 86_400_000;
import { writeSealed } from '../pages/recordPages';

export interface DemoDeps {
  db: ComptoirDatabase;
  customers: CustomerStore;
  history: HistoryStore;
  settings: () => Settings;
  now: () => number;
}

/**
 * Adds generated customers and their purchases (DEMO_LINES_PER_CUSTOMER lines a customer on
 * average, over three years) in one transaction: a cancel leaves the file as it was. Each
 * customer's figures are those of their purchases.
 */
export async function loadDemo(
  deps: DemoDeps,
  count: number,
  seed: number,
  ctx: CallContext,
): Promise<number> {
  const inputs = generateDemoCustomers(count, seed);
  const bought = generateDemoPurchases(inputs, {
    seed,
    now: deps.now(),
    lines: count * DEMO_LINES_PER_CUSTOMER,
    currency: deps.settings().currency,
  });
  const byCustomer = new Map<number, { at: number; totalMinor: number }[]>();
  for (const { customer, purchase } of bought) {
    const list = byCustomer.get(customer) ?? [];
    list.push({ at: purchase.at, totalMinor: purchaseTotalMinor(purchase.lines) });
    byCustomer.set(customer, list);
  }
  const figures: CustomerFigures[] = [];
  for (const [customer, purchases] of byCustomer) figures[customer] = figuresOf(purchases, []);
  // Each demo customer joined some time ago (a buyer up to 60 days before their first
  // purchase), so that the dashboard's new customers and lead conversion read like a shop's.
  const random = seededRandom(seed ^ 0xc0ffee);
  const now = deps.now();
  const createdAt = inputs.map((_, i) => {
    const first = figures[i]?.firstPurchaseAt;
    const before = Math.floor(random() * 60) * DAY;
    return first != null ? first - before : now - Math.floor(random() * 3 * 365) * DAY;
  });

  ctx.progress({ done: 0, total: count } satisfies DemoProgress);
  const { sealed, created } = await deps.customers.prepareCreateMany(
    inputs,
    {
      shouldStop: () => ctx.signal.aborted,
      onProgress: (done, total) => ctx.progress({ done, total } satisfies DemoProgress),
    },
    ['customers'],
    { figures, createdAt },
  );
  const purchases = await deps.history.preparePurchases(
    bought.map(({ customer, purchase }) => ({ ...purchase, customerId: created[customer]!.id })),
    deps.now(),
  );
  if (ctx.signal.aborted) throw new AppError('CANCELLED', 'The operation was cancelled');
  await writeSealed(deps.db, [sealed, ...purchases.sealed]);
  return created.length;
}
