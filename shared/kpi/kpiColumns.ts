import { foldText } from '../domain/fold';
import type { KpiCustomer, KpiPurchase, KpiPurchaseColumns } from './kpiTypes';
import { timeSlots } from './timeOrder';

/**
 * Purchases and customers as columns, for the dashboard: every KPI is then a few passes over
 * typed arrays sorted by time, a period found by binary search, instead of objects and Maps.
 */
export interface KpiColumns {
  /** Per purchase, sorted by time (equal times keep the list's order). */
  at: Float64Array;
  totalMinor: Float64Array;
  /** Index in `customerIds`, -1 for a customer not in the file. */
  customer: Int32Array;
  /** Index in `channels` (folded names). */
  channel: Int32Array;
  channels: ReadonlyMap<string, number>;
  /** Per customer, in the list's order. */
  customerIds: readonly string[];
  customerIndex: ReadonlyMap<string, number>;
  createdAt: Float64Array;
  /** Index in `cities` (folded names). */
  city: Int32Array;
  cities: ReadonlyMap<string, number>;
  /** Customer c's purchases are byCustomer[customerStart[c]] to byCustomer[customerStart[c+1]-1]. */
  customerStart: Int32Array;
  byCustomer: Int32Array;
}

interface SortedPurchases {
  at: Float64Array;
  totalMinor: Float64Array;
  channel: Int32Array;
  channels: Map<string, number>;
  /** Per purchase: its customer id's number in `buyerIds` (each distinct id once). */
  buyer: Int32Array;
  buyerIds: string[];
}

interface CustomerColumns {
  customerIds: string[];
  customerIndex: Map<string, number>;
  createdAt: Float64Array;
  city: Int32Array;
  cities: Map<string, number>;
}

// Sorting waits for a new purchase list, folding cities for a new customer list: editing a
// customer does not sort a million purchases again.
type Purchases = readonly KpiPurchase[] | KpiPurchaseColumns;
const sortedCache = new WeakMap<Purchases, SortedPurchases>();
const customerCache = new WeakMap<readonly KpiCustomer[], CustomerColumns>();
const pairCache = new WeakMap<Purchases, WeakMap<readonly KpiCustomer[], KpiColumns>>();

/** The columns of a purchase list and a customer list, built once per pair of lists. */
export function kpiColumns(purchases: Purchases, customers: readonly KpiCustomer[]): KpiColumns {
  let byCustomers = pairCache.get(purchases);
  if (!byCustomers) pairCache.set(purchases, (byCustomers = new WeakMap()));
  let columns = byCustomers.get(customers);
  if (!columns) {
    columns = join(
      cached(sortedCache, purchases, (list) =>
        sortPurchases(isColumns(list) ? list : purchaseListColumns(list)),
      ),
      cached(customerCache, customers, customerColumns),
    );
    byCustomers.set(customers, columns);
  }
  return columns;
}

function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, build: (key: K) => V): V {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = build(key)));
  return value;
}

/** A folder that folds each distinct raw text once and numbers the folded forms. */
function numbering(folded: Map<string, number>): (raw: string) => number {
  const seen = new Map<string, number>();
  return (raw) => {
    let n = seen.get(raw);
    if (n === undefined) {
      const text = foldText(raw);
      n = folded.get(text);
      if (n === undefined) folded.set(text, (n = folded.size));
      seen.set(raw, n);
    }
    return n;
  };
}

function isColumns(purchases: Purchases): purchases is KpiPurchaseColumns {
  return !Array.isArray(purchases);
}

/** A list of purchase objects as columns (tests and the naive checks hand out lists). */
export function purchaseListColumns(purchases: readonly KpiPurchase[]): KpiPurchaseColumns {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const textOf = (value: string) => {
    let n = index.get(value);
    if (n === undefined) index.set(value, (n = texts.push(value) - 1));
    return n;
  };
  const count = purchases.length;
  const columns = {
    count,
    at: new Float64Array(count),
    totalMinor: new Float64Array(count),
    channel: new Int32Array(count),
    customer: new Int32Array(count),
    texts,
  };
  purchases.forEach((p, i) => {
    columns.at[i] = p.at;
    columns.totalMinor[i] = p.totalMinor;
    columns.channel[i] = textOf(p.channel);
    columns.customer[i] = textOf(p.customerId);
  });
  return columns;
}

function sortPurchases(purchases: KpiPurchaseColumns): SortedPurchases {
  const { count, texts } = purchases;
  // A time that is not a number counts as +Infinity: last, where no period reaches.
  const times = new Float64Array(count);
  let sorted = true;
  for (let p = 0; p < count; p++) {
    const at = purchases.at[p]!;
    times[p] = at === at ? at : Infinity;
    if (p > 0 && times[p]! < times[p - 1]!) sorted = false;
  }
  const slot = sorted ? null : timeSlots(times);
  const channels = new Map<string, number>();
  const channelOf = numbering(channels);
  // Each text folded or numbered once, by its index: -1 not seen yet.
  const channelByText = new Int32Array(texts.length).fill(-1);
  const buyerByText = new Int32Array(texts.length).fill(-1);
  const buyerIds: string[] = [];
  const result: SortedPurchases = {
    at: new Float64Array(count),
    totalMinor: new Float64Array(count),
    channel: new Int32Array(count),
    channels,
    buyer: new Int32Array(count),
    buyerIds,
  };
  for (let p = 0; p < count; p++) {
    const i = slot === null ? p : slot[p]!;
    result.at[i] = times[p]!;
    result.totalMinor[i] = purchases.totalMinor[p]!;
    const channel = purchases.channel[p]!;
    let c = channelByText[channel]!;
    if (c < 0) channelByText[channel] = c = channelOf(texts[channel]!);
    result.channel[i] = c;
    const customer = purchases.customer[p]!;
    let b = buyerByText[customer]!;
    if (b < 0) buyerByText[customer] = b = buyerIds.push(texts[customer]!) - 1;
    result.buyer[i] = b;
  }
  return result;
}

function customerColumns(customers: readonly KpiCustomer[]): CustomerColumns {
  const count = customers.length;
  const cities = new Map<string, number>();
  const cityOf = numbering(cities);
  const columns: CustomerColumns = {
    customerIds: new Array<string>(count),
    customerIndex: new Map(),
    createdAt: new Float64Array(count),
    city: new Int32Array(count),
    cities,
  };
  for (let c = 0; c < count; c++) {
    const customer = customers[c]!;
    columns.customerIds[c] = customer.id;
    columns.customerIndex.set(customer.id, c);
    columns.createdAt[c] = customer.createdAt;
    columns.city[c] = cityOf(customer.city);
  }
  return columns;
}

function join(sorted: SortedPurchases, customers: CustomerColumns): KpiColumns {
  const count = sorted.at.length;
  const customerCount = customers.customerIds.length;
  // Each distinct id looked up once: a customer edit costs 100k lookups, not a million.
  const customerOf = Int32Array.from(
    sorted.buyerIds,
    (id) => customers.customerIndex.get(id) ?? -1,
  );
  const customer = new Int32Array(count);
  const customerStart = new Int32Array(customerCount + 1);
  for (let p = 0; p < count; p++) {
    const c = customerOf[sorted.buyer[p]!]!;
    customer[p] = c;
    if (c >= 0) customerStart[c + 1]!++;
  }
  for (let c = 0; c < customerCount; c++) customerStart[c + 1]! += customerStart[c]!;
  const byCustomer = new Int32Array(customerStart[customerCount]!);
  const next = customerStart.slice(0, customerCount);
  for (let p = 0; p < count; p++) {
    const c = customer[p]!;
    if (c >= 0) byCustomer[next[c]!++] = p;
  }
  return {
    at: sorted.at,
    totalMinor: sorted.totalMinor,
    customer,
    channel: sorted.channel,
    channels: sorted.channels,
    customerIds: customers.customerIds,
    customerIndex: customers.customerIndex,
    createdAt: customers.createdAt,
    city: customers.city,
    cities: customers.cities,
    customerStart,
    byCustomer,
  };
}

/** The first purchase at or after `time` (the count of purchases before it). */
export function firstAtOrAfter(at: Float64Array, time: number): number {
  let low = 0;
  let high = at.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (at[mid]! < time) low = mid + 1;
    else high = mid;
  }
  return low;
}
