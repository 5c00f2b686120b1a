import { foldText } from '../domain/fold';
import type { PurchaseFacts } from './evaluateSegment';

/**
 * The purchases as columns, for rules that look at what was bought: a behaviour condition is
 * then one pass over typed arrays (1M lines in a few ms) instead of folding every line's text
 * again. Texts are folded once (case, accents, spaces around) and kept as numbers.
 */
export interface PurchaseColumns {
  /** The customers who bought, each once; purchases point into it. */
  customerIds: string[];
  customerIndex: ReadonlyMap<string, number>;
  /** Per purchase: its customer (index in customerIds), when, where its lines start. */
  customer: Int32Array;
  at: Float64Array;
  /** Per purchase, plus one: its lines are lineStart[p] to lineStart[p + 1] - 1. */
  lineStart: Int32Array;
  /** Per line: its folded product, category and sku (index in `texts`), and its total. */
  product: Int32Array;
  category: Int32Array;
  sku: Int32Array;
  totalMinor: Float64Array;
  /** Folded texts and their numbers. */
  texts: ReadonlyMap<string, number>;
}

const built = new WeakMap<readonly PurchaseFacts[], PurchaseColumns>();

/**
 * The columns of a list of purchases, built once per list: the store hands out the same list
 * until a purchase is written, so counting again while editing a rule reuses them.
 */
export function purchaseColumns(purchases: readonly PurchaseFacts[]): PurchaseColumns {
  let columns = built.get(purchases);
  if (!columns) {
    columns = buildColumns(purchases);
    built.set(purchases, columns);
  }
  return columns;
}

function buildColumns(purchases: readonly PurchaseFacts[]): PurchaseColumns {
  const customerIds: string[] = [];
  const customerIndex = new Map<string, number>();
  const texts = new Map<string, number>();
  // The same few product names come back on every line: each raw text is folded once.
  const raw = new Map<string, number>();
  const textOf = (value: string) => {
    let n = raw.get(value);
    if (n === undefined) {
      const folded = foldText(value.trim());
      n = texts.get(folded);
      if (n === undefined) texts.set(folded, (n = texts.size));
      raw.set(value, n);
    }
    return n;
  };
  let lines = 0;
  for (const p of purchases) lines += p.lines.length;
  const count = purchases.length;
  const columns = {
    customerIds,
    customerIndex,
    customer: new Int32Array(count),
    at: new Float64Array(count),
    lineStart: new Int32Array(count + 1),
    product: new Int32Array(lines),
    category: new Int32Array(lines),
    sku: new Int32Array(lines),
    totalMinor: new Float64Array(lines),
    texts,
  };
  let l = 0;
  for (let p = 0; p < count; p++) {
    const purchase = purchases[p]!;
    let c = customerIndex.get(purchase.customerId);
    if (c === undefined) {
      c = customerIds.push(purchase.customerId) - 1;
      customerIndex.set(purchase.customerId, c);
    }
    columns.customer[p] = c;
    columns.at[p] = purchase.at;
    columns.lineStart[p] = l;
    for (const line of purchase.lines) {
      columns.product[l] = textOf(line.product);
      columns.category[l] = textOf(line.category);
      columns.sku[l] = textOf(line.sku);
      columns.totalMinor[l] = Math.round(line.quantity * line.unitPriceMinor);
      l++;
    }
  }
  columns.lineStart[count] = l;
  return columns;
}
