import type { Customer } from '../../../shared/domain/customer';
import type { Settings } from '../../../shared/domain/settings';
import { readOrders } from '../../../shared/import/orders/readOrders';
import { withFigures } from '../customers/customerStore';
import { writeSealed } from '../pages/recordPages';
import type { ImportDeps, ImportRun } from './importTypes';
import { planOrders, type OrderPlan } from './planOrders';
import type { StagedFile } from './stagedFile';

/**
 * An orders file read through the mapping and planned against the customer file. Its rows
 * are gathered whole first: an order's lines may be anywhere in a batch, and orders files are
 * a shop's sales, far smaller than the import cap.
 */
export async function planOrdersOf(
  file: StagedFile,
  arg: ImportRun,
  deps: ImportDeps,
  settings: Settings,
  now: number,
  tag: string,
): Promise<OrderPlan> {
  const rows: string[][] = [];
  const lines: number[] = [];
  for await (const batch of file.batches()) {
    for (const row of batch.rows) rows.push(row);
    for (const line of batch.lines) lines.push(line);
  }
  const read = readOrders(rows, lines, arg.mapping, {
    dateOrder: arg.dateOrder,
    currency: settings.currency,
    headers: file.inspection.headers,
  });
  await deps.history.whenLoaded(); // for the order numbers already recorded
  return planOrders(read, deps.customers.all(), settings, now, {
    tag,
    sourceName: file.inspection.name,
    knownOrders: (customerId) => deps.history.orderIdsOf(customerId),
  });
}

/** What an orders import wrote, for its undo. */
export interface OrdersWritten {
  created: Customer[];
  updated: { before: Customer; next: Customer }[];
  purchaseIds: string[];
  changeIds: string[];
}

/**
 * Writes the plan in one transaction: the customers it creates (with their figures), the
 * purchases, the figures of the customers who already were in the file, the change log.
 */
export async function writeOrders(plan: OrderPlan, deps: ImportDeps): Promise<OrdersWritten> {
  const { customers, history } = deps;
  const ids = plan.newCustomers.map(() => deps.newId());
  const inputs = plan.purchases.map(({ input, newCustomer }) => ({
    ...input,
    customerId: newCustomer === null ? input.customerId : ids[newCustomer]!,
  }));
  const purchases = await history.preparePurchases(inputs, deps.now());
  const created = new Set(ids);
  const updates = [...purchases.figures]
    .filter(([id]) => !created.has(id))
    .map(([id, figures]) => {
      const before = customers.get(id);
      return { before, next: withFigures(before, figures) };
    });
  const prepared = await customers.prepareImport({
    create: plan.newCustomers.map((c, i) => ({
      ...c,
      id: ids[i]!,
      figures: purchases.figures.get(ids[i]!),
    })),
    update: updates,
  });
  const log = await history.prepareLoggedChanges(prepared.changes);
  await writeSealed(deps.db, [...purchases.sealed, prepared.sealed, ...log.sealed]);
  return {
    created: prepared.created,
    updated: updates.map(({ before }, i) => ({ before, next: prepared.customers[i]! })),
    purchaseIds: purchases.purchases.map((p) => p.id),
    changeIds: log.ids,
  };
}
