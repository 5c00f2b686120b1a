import type { CustomerStatus } from '../domain/customer';
import type { PurchaseInput, PurchaseLine } from '../domain/purchase';
import { pick, seededRandom } from './random';

/** What a demo shop sells: a running and outdoor shop, prices in cents. */
interface DemoProduct {
  sku: string;
  product: string;
  category: string;
  priceMinor: number;
}

const product = (sku: string, name: string, category: string, price: number): DemoProduct => ({
  sku,
  product: name,
  category,
  priceMinor: Math.round(price * 100),
});

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  product('RUN-PEG-41', 'Pegasus road shoe', 'Running shoes', 129.9),
  product('RUN-NOV-22', 'Novablast cushioned shoe', 'Running shoes', 139.9),
  product('RUN-CLF-09', 'Clifton daily trainer', 'Running shoes', 149),
  product('RUN-RAC-03', 'Tempo racing flat', 'Running shoes', 189),
  product('TRL-SPD-05', 'Speedgoat trail shoe', 'Trail shoes', 159.9),
  product('TRL-PEG-02', 'Peregrine trail shoe', 'Trail shoes', 134.5),
  product('TRL-GTX-11', 'Waterproof trail shoe', 'Trail shoes', 169),
  product('APP-TEE-01', 'Technical T-shirt', 'Apparel', 29.9),
  product('APP-TGT-02', 'Running tights', 'Apparel', 54.9),
  product('APP-JKT-03', 'Wind jacket', 'Apparel', 89),
  product('APP-SHT-04', 'Split shorts', 'Apparel', 39.9),
  product('APP-BRA-05', 'Sports bra', 'Apparel', 44.9),
  product('ACC-SCK-01', 'Cushioned socks', 'Accessories', 14.9),
  product('ACC-CAP-02', 'Running cap', 'Accessories', 24.9),
  product('ACC-BLT-03', 'Phone belt', 'Accessories', 29.9),
  product('ACC-LMP-04', 'Head torch', 'Accessories', 59.9),
  product('ACC-VST-05', 'Hydration vest', 'Accessories', 119),
  product('NUT-GEL-01', 'Energy gel', 'Nutrition', 2.5),
  product('NUT-BAR-02', 'Oat energy bar', 'Nutrition', 3.2),
  product('NUT-DRK-03', 'Electrolyte drink mix', 'Nutrition', 19.9),
  product('NUT-REC-04', 'Recovery shake', 'Nutrition', 34.9),
  product('WAT-GPS-01', 'GPS running watch', 'Watches', 249),
  product('WAT-HRM-02', 'Heart-rate chest strap', 'Watches', 79.9),
  product('SRV-ANL-01', 'Gait analysis', 'Services', 35),
  product('SRV-RPR-02', 'Shoe repair', 'Services', 25),
];

/** Where demo purchases were made (the purchase's channel). */
export const DEMO_CHANNELS = ['Shop', 'Shop', 'Shop', 'Website', 'Website', 'Trade fair'] as const;

/** Purchase lines per demo customer: 100k demo customers come with 1M lines, as in the budget. */
export const DEMO_LINES_PER_CUSTOMER = 10;

const DAY = 86_400_000;
/** The demo history goes back three years. */
const HISTORY_DAYS = 3 * 365;

/**
 * Deterministic demo purchases, exactly `lines` lines in all, for the demo customers who have
 * bought something: customers (about half of them) and inactive ones (whose last purchase is
 * over a year old). Leads and prospects have none. How much each buys is skewed, as in a real
 * shop: most buy a few times, a few buy very often. Returns purchases with the index of their
 * customer in `customers`, oldest first per customer.
 */
export function generateDemoPurchases(
  customers: readonly { status: CustomerStatus }[],
  options: { seed: number; now: number; lines: number; currency: string },
): { customer: number; purchase: Omit<PurchaseInput, 'customerId'> }[] {
  const random = seededRandom(options.seed ^ 0x5eed);
  const buyers: number[] = [];
  customers.forEach((c, i) => {
    if (c.status === 'customer' || c.status === 'inactive') buyers.push(i);
  });
  const out: { customer: number; purchase: Omit<PurchaseInput, 'customerId'> }[] = [];
  if (buyers.length === 0 || options.lines <= 0) return out;
  // Lines per purchase average 3 (1 to 5): so many purchases per buyer, skewed.
  const purchasesPerBuyer = options.lines / 3 / buyers.length;
  const today = Math.floor(options.now / DAY) * DAY;
  let left = options.lines;
  const byCategory = new Map<string, DemoProduct[]>();
  for (const p of DEMO_PRODUCTS)
    byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);
  const basketFor = (count: number): PurchaseLine[] => {
    const lines: PurchaseLine[] = [];
    const first = pick(random, DEMO_PRODUCTS);
    const category = first.category;
    for (let l = 0; l < count; l++) {
      // Half the lines of a basket come from the first line's category.
      const item =
        l === 0
          ? first
          : random() < 0.5
            ? pick(random, byCategory.get(category)!)
            : pick(random, DEMO_PRODUCTS);
      lines.push({
        productId: '',
        sku: item.sku,
        product: item.product,
        category: item.category,
        quantity: item.category === 'Nutrition' ? 1 + Math.floor(random() * 6) : 1,
        unitPriceMinor: item.priceMinor,
      });
    }
    return lines;
  };
  // Rounds over the buyers until every line is placed; the first round gives each buyer a
  // skewed number of purchases, later rounds (rare) add one purchase at a time.
  for (let round = 0; left > 0; round++) {
    for (const index of buyers) {
      if (left <= 0) break;
      const inactive = customers[index]!.status === 'inactive';
      const count =
        round === 0 ? Math.max(1, Math.round(-Math.log(1 - random()) * purchasesPerBuyer)) : 1;
      // Days ago: a customer's purchases fall after their first one; an inactive customer's
      // stop over a year ago.
      const latest = inactive ? 400 : 0;
      const first = latest + Math.floor(random() * (HISTORY_DAYS - latest));
      const days: number[] = [];
      for (let p = 0; p < count; p++)
        days.push(latest + Math.floor(random() * (first - latest + 1)));
      days.sort((a, b) => b - a);
      for (const daysAgo of days) {
        if (left <= 0) break;
        const lineCount = Math.min(left, 1 + Math.floor(random() * 5));
        left -= lineCount;
        // Opening hours: 9:00 to 19:00, in whole minutes.
        const minute = 9 * 60 + Math.floor(random() * 600);
        const at = Math.min(options.now, today - daysAgo * DAY + minute * 60_000);
        out.push({
          customer: index,
          purchase: {
            at,
            lines: basketFor(lineCount),
            currency: options.currency,
            channel: pick(random, DEMO_CHANNELS),
            orderId: '',
          },
        });
      }
    }
  }
  return out;
}
