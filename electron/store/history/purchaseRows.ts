import type { Purchase, PurchaseLine } from '../../../shared/domain/purchase';
import type { KpiPurchaseColumns } from '../../../shared/kpi/kpiTypes';

/**
 * Every purchase of the file in memory as columns of numbers, each text once.
 *
 * Why not objects: 1M purchase lines were ~1.7M objects (a purchase, its list of lines, each
 * line). Every full garbage collection of the store walked them all, 80-110 ms in the bench's
 * Chromium, and one landing during a segment count or a keystroke was that call's p95. A
 * purchase is made an object again only when someone asks for it (a timeline, a page to seal
 * again), which is a few hundred at a time.
 */
export class PurchaseRows {
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();
  private ids: string[] = [];
  private count = 0;
  private lineCount = 0;
  // Per purchase; texts as their index in `texts`.
  private customer = new Int32Array(1024);
  private currency = new Int32Array(1024);
  private channel = new Int32Array(1024);
  private orderId = new Int32Array(1024);
  private at = new Float64Array(1024);
  private createdAt = new Float64Array(1024);
  private totalMinor = new Float64Array(1024);
  /** Purchase p's lines are lineStart[p] to lineStart[p + 1] - 1. */
  private lineStart = new Int32Array(1025);
  // Per line.
  private productId = new Int32Array(4096);
  private sku = new Int32Array(4096);
  private product = new Int32Array(4096);
  private category = new Int32Array(4096);
  private quantity = new Float64Array(4096);
  private unitPriceMinor = new Float64Array(4096);

  /** Built when first asked (a write, a removal), dropped when rows move. */
  private positions: Map<string, number> | null = null;
  /** Each customer's purchases (by customer text): built when first asked, dropped on a write. */
  private byCustomer: { start: Int32Array; rows: Int32Array } | null = null;
  private kpiView: KpiPurchaseColumns | null = null;

  get size(): number {
    return this.count;
  }

  /** Appends purchases whose ids are not here yet (the caller checks). */
  add(purchases: readonly Purchase[]): void {
    if (purchases.length === 0) return;
    let lines = 0;
    for (const p of purchases) lines += p.lines.length;
    this.reserve(this.count + purchases.length, this.lineCount + lines);
    let l = this.lineCount;
    let p = this.count;
    for (const purchase of purchases) {
      this.ids[p] = purchase.id;
      this.positions?.set(purchase.id, p);
      this.customer[p] = this.textOf(purchase.customerId);
      this.currency[p] = this.textOf(purchase.currency);
      this.channel[p] = this.textOf(purchase.channel);
      this.orderId[p] = this.textOf(purchase.orderId);
      this.at[p] = purchase.at;
      this.createdAt[p] = purchase.createdAt;
      this.totalMinor[p] = purchase.totalMinor;
      this.lineStart[p] = l;
      for (const line of purchase.lines) {
        this.productId[l] = this.textOf(line.productId);
        this.sku[l] = this.textOf(line.sku);
        this.product[l] = this.textOf(line.product);
        this.category[l] = this.textOf(line.category);
        this.quantity[l] = line.quantity;
        this.unitPriceMinor[l] = line.unitPriceMinor;
        l++;
      }
      p++;
    }
    this.count = p;
    this.lineCount = l;
    this.lineStart[p] = l;
    this.byCustomer = null;
    this.kpiView = null;
  }

  has(id: string): boolean {
    return this.positionsById().has(id);
  }

  get(id: string): Purchase | undefined {
    const p = this.positionsById().get(id);
    return p === undefined ? undefined : this.purchaseAt(p);
  }

  customerOf(id: string): string | undefined {
    const p = this.positionsById().get(id);
    return p === undefined ? undefined : this.texts[this.customer[p]!];
  }

  /** A customer's purchases, in the order they came. */
  of(customerId: string): Purchase[] {
    const c = this.textIndex.get(customerId);
    if (c === undefined) return [];
    const { start, rows } = this.customerRows();
    const found: Purchase[] = [];
    for (let k = start[c]!; k < start[c + 1]!; k++) found.push(this.purchaseAt(rows[k]!));
    return found;
  }

  /** Purchases `from` to `to` - 1 as objects (for those who read them in turn). */
  slice(from: number, to: number): Purchase[] {
    const found: Purchase[] = [];
    for (let p = from; p < Math.min(to, this.count); p++) found.push(this.purchaseAt(p));
    return found;
  }

  /** What the dashboard reads, as columns (the same object until the next write). */
  kpiColumns(): KpiPurchaseColumns {
    this.kpiView ??= {
      count: this.count,
      at: this.at.subarray(0, this.count),
      totalMinor: this.totalMinor.subarray(0, this.count),
      channel: this.channel.subarray(0, this.count),
      customer: this.customer.subarray(0, this.count),
      texts: this.texts,
    };
    return this.kpiView;
  }

  /** Takes purchases out, keeping the others in their order. */
  remove(ids: ReadonlySet<string>): void {
    const positions = this.positionsById();
    const gone = new Uint8Array(this.count);
    let any = false;
    for (const id of ids) {
      const p = positions.get(id);
      if (p === undefined) continue;
      gone[p] = 1;
      any = true;
    }
    if (!any) return;
    let to = 0;
    let toLine = 0;
    for (let p = 0; p < this.count; p++) {
      if (gone[p]) continue;
      const from = this.lineStart[p]!;
      const end = this.lineStart[p + 1]!;
      this.ids[to] = this.ids[p]!;
      for (const column of [this.customer, this.currency, this.channel, this.orderId] as const)
        column[to] = column[p]!;
      for (const column of [this.at, this.createdAt, this.totalMinor] as const)
        column[to] = column[p]!;
      this.lineStart[to] = toLine;
      for (let l = from; l < end; l++, toLine++) {
        for (const column of [this.productId, this.sku, this.product, this.category] as const)
          column[toLine] = column[l]!;
        this.quantity[toLine] = this.quantity[l]!;
        this.unitPriceMinor[toLine] = this.unitPriceMinor[l]!;
      }
      to++;
    }
    this.ids.length = to;
    this.count = to;
    this.lineCount = toLine;
    this.lineStart[to] = toLine;
    this.positions = null;
    this.byCustomer = null;
    this.kpiView = null;
  }

  clear(): void {
    this.texts.length = 0;
    this.textIndex.clear();
    this.ids = [];
    this.count = 0;
    this.lineCount = 0;
    this.lineStart[0] = 0;
    this.positions = null;
    this.byCustomer = null;
    this.kpiView = null;
  }

  private purchaseAt(p: number): Purchase {
    const texts = this.texts;
    const lines: PurchaseLine[] = [];
    for (let l = this.lineStart[p]!; l < this.lineStart[p + 1]!; l++)
      lines.push({
        productId: texts[this.productId[l]!]!,
        sku: texts[this.sku[l]!]!,
        product: texts[this.product[l]!]!,
        category: texts[this.category[l]!]!,
        quantity: this.quantity[l]!,
        unitPriceMinor: this.unitPriceMinor[l]!,
      });
    return {
      id: this.ids[p]!,
      customerId: texts[this.customer[p]!]!,
      at: this.at[p]!,
      createdAt: this.createdAt[p]!,
      totalMinor: this.totalMinor[p]!,
      currency: texts[this.currency[p]!]!,
      channel: texts[this.channel[p]!]!,
      orderId: texts[this.orderId[p]!]!,
      lines,
    };
  }

  private positionsById(): Map<string, number> {
    if (!this.positions) {
      this.positions = new Map();
      for (let p = 0; p < this.count; p++) this.positions.set(this.ids[p]!, p);
    }
    return this.positions;
  }

  /** Purchases grouped by customer text, in one pass: counted, then placed. */
  private customerRows(): { start: Int32Array; rows: Int32Array } {
    if (!this.byCustomer) {
      const start = new Int32Array(this.texts.length + 1);
      for (let p = 0; p < this.count; p++) start[this.customer[p]! + 1]!++;
      for (let t = 0; t < this.texts.length; t++) start[t + 1]! += start[t]!;
      const rows = new Int32Array(this.count);
      const next = start.slice(0, this.texts.length);
      for (let p = 0; p < this.count; p++) rows[next[this.customer[p]!]!++] = p;
      this.byCustomer = { start, rows };
    }
    return this.byCustomer;
  }

  private textOf(value: string): number {
    let n = this.textIndex.get(value);
    if (n === undefined) {
      n = this.texts.push(value) - 1;
      this.textIndex.set(value, n);
    }
    return n;
  }

  /** Grows the columns (doubling) to hold this many purchases and lines. */
  private reserve(purchases: number, lines: number): void {
    if (purchases + 1 > this.lineStart.length) {
      const size = grownSize(this.lineStart.length, purchases + 1);
      this.customer = grown(this.customer, size);
      this.currency = grown(this.currency, size);
      this.channel = grown(this.channel, size);
      this.orderId = grown(this.orderId, size);
      this.at = grown(this.at, size);
      this.createdAt = grown(this.createdAt, size);
      this.totalMinor = grown(this.totalMinor, size);
      this.lineStart = grown(this.lineStart, size);
    }
    if (lines > this.productId.length) {
      const size = grownSize(this.productId.length, lines);
      this.productId = grown(this.productId, size);
      this.sku = grown(this.sku, size);
      this.product = grown(this.product, size);
      this.category = grown(this.category, size);
      this.quantity = grown(this.quantity, size);
      this.unitPriceMinor = grown(this.unitPriceMinor, size);
    }
  }
}

function grownSize(size: number, need: number): number {
  while (size < need) size *= 2;
  return size;
}

function grown<A extends Int32Array | Float64Array>(array: A, size: number): A {
  const bigger = new (array.constructor as new (n: number) => A)(size);
  bigger.set(array);
  return bigger;
}
