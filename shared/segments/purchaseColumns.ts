import { foldText } from '../domain/fold';
import type { PurchaseFacts } from './segmentFacts';

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
 * The columns of a list of purchases, built once per list (the store keeps its own columns up
 * to date instead: see PurchaseColumnsBuilder).
 */
export function purchaseColumns(purchases: readonly PurchaseFacts[]): PurchaseColumns {
  let columns = built.get(purchases);
  if (!columns) {
    const builder = new PurchaseColumnsBuilder();
    builder.add(purchases);
    columns = builder.columns();
    built.set(purchases, columns);
  }
  return columns;
}

/**
 * Purchase columns kept up to date as purchases arrive (the history's pages as they open, each
 * new purchase at the counter): adding is appending, never building again.
 */
export class PurchaseColumnsBuilder {
  private readonly customerIds: string[] = [];
  private readonly customerIndex = new Map<string, number>();
  private readonly texts = new Map<string, number>();
  /** Each raw text's number: the same few product names come back on every line. */
  private readonly raw = new Map<string, number>();
  private purchases = 0;
  private lines = 0;
  private customer = new Int32Array(1024);
  private at = new Float64Array(1024);
  private lineStart = new Int32Array(1025);
  private product = new Int32Array(4096);
  private category = new Int32Array(4096);
  private sku = new Int32Array(4096);
  private totalMinor = new Float64Array(4096);
  private view: PurchaseColumns | null = null;

  add(purchases: readonly PurchaseFacts[]): void {
    if (purchases.length === 0) return;
    this.view = null;
    let lines = 0;
    for (const p of purchases) lines += p.lines.length;
    this.reserve(this.purchases + purchases.length, this.lines + lines);
    let l = this.lines;
    let p = this.purchases;
    for (const purchase of purchases) {
      let c = this.customerIndex.get(purchase.customerId);
      if (c === undefined) {
        c = this.customerIds.push(purchase.customerId) - 1;
        this.customerIndex.set(purchase.customerId, c);
      }
      this.customer[p] = c;
      this.at[p] = purchase.at;
      this.lineStart[p] = l;
      for (const line of purchase.lines) {
        this.product[l] = this.textOf(line.product);
        this.category[l] = this.textOf(line.category);
        this.sku[l] = this.textOf(line.sku);
        this.totalMinor[l] = Math.round(line.quantity * line.unitPriceMinor);
        l++;
      }
      p++;
    }
    this.purchases = p;
    this.lines = l;
    this.lineStart[p] = l;
  }

  /** The columns as they are now (kept until the next add). */
  columns(): PurchaseColumns {
    this.view ??= {
      customerIds: this.customerIds,
      customerIndex: this.customerIndex,
      customer: this.customer.subarray(0, this.purchases),
      at: this.at.subarray(0, this.purchases),
      lineStart: this.lineStart.subarray(0, this.purchases + 1),
      product: this.product.subarray(0, this.lines),
      category: this.category.subarray(0, this.lines),
      sku: this.sku.subarray(0, this.lines),
      totalMinor: this.totalMinor.subarray(0, this.lines),
      texts: this.texts,
    };
    return this.view;
  }

  private textOf(value: string): number {
    let n = this.raw.get(value);
    if (n === undefined) {
      const folded = foldText(value.trim());
      n = this.texts.get(folded);
      if (n === undefined) this.texts.set(folded, (n = this.texts.size));
      this.raw.set(value, n);
    }
    return n;
  }

  /** Grows the arrays (doubling) to hold this many purchases and lines. */
  private reserve(purchases: number, lines: number): void {
    const grow = <A extends Int32Array | Float64Array>(array: A, need: number): A => {
      if (need <= array.length) return array;
      let size = array.length;
      while (size < need) size *= 2;
      const bigger = new (array.constructor as new (n: number) => A)(size);
      bigger.set(array);
      return bigger;
    };
    this.customer = grow(this.customer, purchases);
    this.at = grow(this.at, purchases);
    this.lineStart = grow(this.lineStart, purchases + 1);
    this.product = grow(this.product, lines);
    this.category = grow(this.category, lines);
    this.sku = grow(this.sku, lines);
    this.totalMinor = grow(this.totalMinor, lines);
  }
}
