import type { ImportRowOutcome, OrderCounts } from '../../../shared/contract/imports';
import {
  customerInputSchema,
  type Customer,
  type CustomerDraft,
  type CustomerInput,
} from '../../../shared/domain/customer';
import { purchaseInputSchema, type PurchaseInput } from '../../../shared/domain/purchase';
import type { Settings } from '../../../shared/domain/settings';
import { splitFullName } from '../../../shared/import/mapping/splitFullName';
import type { OrderRead } from '../../../shared/import/orders/readOrders';
import { AppError } from '../../../shared/errors';
import { applyRules } from '../customers/customerRules';

/** A purchase to write: for a customer of the file, or for one the import creates (by index). */
export interface PlannedPurchase {
  input: PurchaseInput;
  newCustomer: number | null;
}

/** What an orders import will do, decided before anything is written. */
export interface OrderPlan {
  purchases: PlannedPurchase[];
  /** Customers the orders name that the file does not have yet: created, tagged. */
  newCustomers: CustomerInput[];
  rows: ImportRowOutcome[];
  orders: OrderCounts;
}

export interface OrderPlanOptions {
  tag: string;
  /** The file's name, as the created customers' source detail. */
  sourceName: string;
  /** The ids of the orders a customer already has (a file imported twice adds nothing). */
  knownOrders(customerId: string): Iterable<string>;
}

/**
 * Orders linked to their customer, by the other system's customer id, then by email (primary
 * or additional). An order whose customer is not in the file creates that customer from the
 * order's name, email and phone. An order already imported (same order number, same customer)
 * is skipped. An order with any bad row is rejected whole, every row of it named.
 */
export function planOrders(
  read: { orders: OrderRead[]; orphans: { line: number; field: string; rule: string }[] },
  existing: Iterable<Customer>,
  settings: Settings,
  now: number,
  options: OrderPlanOptions,
): OrderPlan {
  const byExternalId = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const customer of existing) {
    if (customer.externalId) byExternalId.set(customer.externalId, customer.id);
    for (const email of [customer.email, ...customer.additionalEmails])
      if (email && !byEmail.has(email)) byEmail.set(email, customer.id);
  }
  const known = new Map<string, Set<string>>();
  const knownOf = (customerId: string) => {
    let ids = known.get(customerId);
    if (!ids) known.set(customerId, (ids = new Set(options.knownOrders(customerId))));
    return ids;
  };
  const newByKey = new Map<string, number>();
  const plan: OrderPlan = {
    purchases: [],
    newCustomers: [],
    rows: [],
    orders: { orders: 0, lines: 0, newCustomers: 0, known: 0 },
  };
  const outcome = (order: OrderRead, action: ImportRowOutcome['action']) => {
    for (const line of order.lines) plan.rows.push({ line, action, problems: [] });
  };
  const reject = (order: OrderRead, problems: OrderRead['problems']) => {
    for (const line of order.lines) {
      const own = problems.filter((p) => p.line === line);
      plan.rows.push({
        line,
        action: 'reject',
        problems: (own.length > 0
          ? own
          : [{ line, field: problems[0]!.field, rule: 'orderRejected' }]
        ).map(({ field, rule }) => ({ field, rule })),
      });
    }
  };

  for (const order of read.orders) {
    if (order.problems.length > 0) {
      reject(order, order.problems);
      continue;
    }
    const customerId =
      (order.customerId && byExternalId.get(order.customerId)) ||
      (order.email && byEmail.get(order.email)) ||
      null;
    const purchase = purchaseInputSchema.safeParse({
      customerId: customerId ?? 'new',
      at: order.at,
      lines: order.items.map((item) => ({ ...item, productId: '' })),
      currency: order.currency,
      channel: order.channel,
      orderId: order.orderId,
    });
    if (!purchase.success) {
      const issue = purchase.error.issues[0]!;
      reject(order, [{ line: order.lines[0]!, field: issue.path.join('.'), rule: issue.message }]);
      continue;
    }
    if (customerId !== null) {
      if (knownOf(customerId).has(order.orderId)) {
        plan.orders.known++;
        outcome(order, 'skip');
        continue;
      }
      knownOf(customerId).add(order.orderId);
      plan.purchases.push({ input: purchase.data, newCustomer: null });
    } else {
      const key = order.customerId ? `id:${order.customerId}` : `email:${order.email}`;
      let index = newByKey.get(key);
      if (index === undefined) {
        const created = customerOf(order, settings, now, options);
        if ('problem' in created) {
          reject(order, [{ line: order.lines[0]!, ...created.problem }]);
          continue;
        }
        index = plan.newCustomers.push(created.customer) - 1;
        newByKey.set(key, index);
      }
      plan.purchases.push({ input: purchase.data, newCustomer: index });
    }
    plan.orders.orders++;
    plan.orders.lines += order.items.length;
    outcome(order, 'create');
  }
  for (const orphan of read.orphans)
    plan.rows.push({
      line: orphan.line,
      action: 'reject',
      problems: [{ field: orphan.field, rule: orphan.rule }],
    });
  plan.orders.newCustomers = plan.newCustomers.length;
  plan.rows.sort((a, b) => a.line - b.line);
  return plan;
}

/** The customer an order names, when the file does not have them yet; a bad phone is left out. */
function customerOf(
  order: OrderRead,
  settings: Settings,
  now: number,
  options: OrderPlanOptions,
): { customer: CustomerInput } | { problem: { field: string; rule: string } } {
  const { firstName, lastName } = splitFullName(order.name);
  const draft: CustomerDraft = {
    firstName,
    lastName,
    email: order.email,
    phone: order.phone,
    externalId: order.customerId,
    source: 'import',
    sourceDetail: options.sourceName.slice(0, 100),
    status: 'customer',
    tags: [options.tag],
  };
  for (const attempt of [draft, { ...draft, phone: '' }]) {
    const parsed = customerInputSchema.safeParse(attempt);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      if (issue.path[0] === 'phone' && attempt.phone !== '') continue;
      return { problem: { field: String(issue.path[0] ?? 'email'), rule: issue.message } };
    }
    try {
      return { customer: applyRules(parsed.data, undefined, settings, now, []) };
    } catch (error) {
      // A phone libphonenumber cannot read: the customer is created without it.
      if (error instanceof AppError && error.code === 'VALIDATION' && attempt.phone !== '')
        continue;
      throw error;
    }
  }
  return { problem: { field: 'email', rule: 'required' } };
}
