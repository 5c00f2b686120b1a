import { z } from 'zod';

/** A product of the shop's catalog, picked at the counter. */
export const productInputSchema = z.strictObject({
  sku: z.string().trim().max(64, { error: 'tooLong' }).default(''),
  name: z.string().trim().min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
  category: z.string().trim().max(100, { error: 'tooLong' }).default(''),
  priceMinor: z
    .int({ error: 'invalidNumber' })
    .nonnegative({ error: 'invalidNumber' })
    .max(100_000_000_00),
  archived: z.boolean().default(false),
});
export type ProductInput = z.output<typeof productInputSchema>;

export interface Product extends ProductInput {
  id: string;
  updatedAt: number;
}
