import { z } from 'zod';

export const LINES_MAX = 200;
/** A money amount in minor units (cents): integers never round wrong. */
const minor = z.int({ error: 'invalidNumber' }).min(-100_000_000_00).max(100_000_000_00);
const label = (max: number) => z.string().trim().max(max, { error: 'tooLong' });

export const purchaseLineSchema = z.strictObject({
  /** The catalog product it came from, if any; the line keeps its own copy of the details. */
  productId: z.string().max(64).default(''),
  sku: label(64).default(''),
  product: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
  category: label(100).default(''),
  quantity: z
    .number({ error: 'invalidNumber' })
    .positive({ error: 'invalidNumber' })
    .max(100_000, { error: 'invalidNumber' }),
  unitPriceMinor: minor,
});
export type PurchaseLine = z.output<typeof purchaseLineSchema>;

export const purchaseInputSchema = z.strictObject({
  customerId: z.string().min(1).max(64),
  /** When it was bought (ms since epoch); the counter sends now. */
  at: z.int().nonnegative(),
  lines: z
    .array(purchaseLineSchema)
    .min(1, { error: 'required' })
    .max(LINES_MAX, { error: 'tooMany' }),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'invalidChoice' }),
  /** Shop, website, event...: where it was sold. */
  channel: label(100).default(''),
  /** The order number in another system (Shopify...), for imports and dedup. */
  orderId: label(100).default(''),
});
export type PurchaseInput = z.output<typeof purchaseInputSchema>;
export type PurchaseDraft = z.input<typeof purchaseInputSchema>;

export interface Purchase extends PurchaseInput {
  id: string;
  totalMinor: number;
  createdAt: number;
}

export function lineTotalMinor(line: Pick<PurchaseLine, 'quantity' | 'unitPriceMinor'>): number {
  return Math.round(line.quantity * line.unitPriceMinor);
}

export function purchaseTotalMinor(lines: readonly PurchaseLine[]): number {
  return lines.reduce((sum, line) => sum + lineTotalMinor(line), 0);
}
