import { foldText } from '../domain/fold';
import type { KpiCustomer, KpiData, KpiPurchase, KpiQuery } from './kpiTypes';

/** The purchases and customers a query keeps, and each kept customer's purchases. */
export interface NaiveShop {
  /** In-scope purchases, in the list's order. */
  purchases: KpiPurchase[];
  /** In-scope customers, in the list's order. */
  customers: KpiCustomer[];
  isKnown: (customerId: string) => boolean;
  purchasesOf: (customerId: string) => KpiPurchase[];
}

export function naiveShop(data: KpiData, query: KpiQuery): NaiveShop {
  const known = new Map<string, KpiCustomer>();
  for (const customer of data.customers) known.set(customer.id, customer);
  const customerIn = (customer: KpiCustomer) =>
    (query.members === null || query.members.has(customer.id)) &&
    (query.city === null || foldText(customer.city) === foldText(query.city));
  const purchaseIn = (purchase: KpiPurchase) => {
    if (query.channel !== null && foldText(purchase.channel) !== foldText(query.channel)) {
      return false;
    }
    const customer = known.get(purchase.customerId);
    return customer ? customerIn(customer) : query.members === null && query.city === null;
  };
  const purchases = data.purchases.filter(purchaseIn);
  const byCustomer = new Map<string, KpiPurchase[]>();
  for (const purchase of purchases) {
    const list = byCustomer.get(purchase.customerId) ?? [];
    list.push(purchase);
    byCustomer.set(purchase.customerId, list);
  }
  return {
    purchases,
    customers: data.customers.filter(customerIn),
    isKnown: (id) => known.has(id),
    purchasesOf: (id) => byCustomer.get(id) ?? [],
  };
}
