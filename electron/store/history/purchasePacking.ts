import type { Purchase, PurchaseLine } from '../../../shared/domain/purchase';
import type { PageEncoding } from '../pages/recordPages';

/**
 * A page of purchases as flat columns of numbers, every text once in the page's dictionary.
 * A purchase's lines repeat the same few products, categories and customers: written as
 * objects, 1M lines were ~190 MB of JSON and took 4-6 s to open at unlock (measured in the
 * bench's Chromium); as numbers they are about a third, parsed as plain arrays, and the lines'
 * texts are shared strings in memory.
 */
interface PurchaseColumns {
  v: 1;
  /** Every text of the page once: customer ids, currencies, channels, order ids, line texts. */
  s: string[];
  /** Purchase ids, one a purchase (unique: not worth the dictionary). */
  i: string[];
  /** PURCHASE_WIDTH numbers a purchase; texts as their index in `s`. */
  p: number[];
  /** LINE_WIDTH numbers a line, the lines of each purchase in turn. */
  l: number[];
}

// customer, at, createdAt, totalMinor, currency, channel, orderId, line count
const PURCHASE_WIDTH = 8;
// productId, sku, product, category, quantity, unitPriceMinor
const LINE_WIDTH = 6;

export const purchasePageEncoding: PageEncoding<Purchase> = {
  encode(purchases) {
    const strings: string[] = [];
    const index = new Map<string, number>();
    const text = (value: string) => {
      let at = index.get(value);
      if (at === undefined) {
        at = strings.push(value) - 1;
        index.set(value, at);
      }
      return at;
    };
    const p: number[] = [];
    const l: number[] = [];
    for (const purchase of purchases) {
      p.push(
        text(purchase.customerId),
        purchase.at,
        purchase.createdAt,
        purchase.totalMinor,
        text(purchase.currency),
        text(purchase.channel),
        text(purchase.orderId),
        purchase.lines.length,
      );
      for (const line of purchase.lines) {
        l.push(
          text(line.productId),
          text(line.sku),
          text(line.product),
          text(line.category),
          line.quantity,
          line.unitPriceMinor,
        );
      }
    }
    return { v: 1, s: strings, i: purchases.map((x) => x.id), p, l } satisfies PurchaseColumns;
  },

  decode(payload) {
    // Pages sealed before the columns: a plain list of purchases.
    if (Array.isArray(payload)) return payload as Purchase[];
    const { v, s, i, p, l } = (payload ?? {}) as Partial<PurchaseColumns>;
    if (v !== 1) throw new Error(`not a page of purchases (version ${String(v)})`);
    if (
      !isList(s, 'string') ||
      !isList(i, 'string') ||
      !isList(p, 'number') ||
      !isList(l, 'number')
    )
      throw new Error('a page of purchases with a malformed column');
    if (p.length !== i.length * PURCHASE_WIDTH)
      throw new Error(`a page of ${i.length} purchases with ${p.length} purchase numbers`);
    const text = (at: number) => {
      const value = s[at];
      if (value === undefined) throw new Error(`a page of purchases refers to text ${at}`);
      return value;
    };
    const purchases: Purchase[] = new Array(i.length);
    let line = 0;
    for (let n = 0; n < i.length; n++) {
      const at = n * PURCHASE_WIDTH;
      const count = p[at + 7]!;
      if (!Number.isInteger(count) || count < 0 || (line + count) * LINE_WIDTH > l.length)
        throw new Error(`purchase ${n} of the page has lines the page does not hold`);
      const lines: PurchaseLine[] = new Array(count);
      for (let k = 0; k < count; k++, line++) {
        const o = line * LINE_WIDTH;
        lines[k] = {
          productId: text(l[o]!),
          sku: text(l[o + 1]!),
          product: text(l[o + 2]!),
          category: text(l[o + 3]!),
          quantity: l[o + 4]!,
          unitPriceMinor: l[o + 5]!,
        };
      }
      purchases[n] = {
        id: i[n]!,
        customerId: text(p[at]!),
        at: p[at + 1]!,
        createdAt: p[at + 2]!,
        totalMinor: p[at + 3]!,
        currency: text(p[at + 4]!),
        channel: text(p[at + 5]!),
        orderId: text(p[at + 6]!),
        lines,
      };
    }
    if (line * LINE_WIDTH !== l.length)
      throw new Error('a page of purchases holds lines no purchase has');
    return purchases;
  },
};

function isList<K extends 'string' | 'number'>(
  value: unknown,
  kind: K,
): value is (K extends 'string' ? string : number)[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== kind) return false;
  return true;
}
