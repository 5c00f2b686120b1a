import { z } from 'zod';
import { interactionInputSchema, type Interaction } from '../domain/interaction';
import { productInputSchema, type Product } from '../domain/product';
import { purchaseInputSchema, type Purchase } from '../domain/purchase';
import { settingsSchema, type Settings } from '../domain/settings';
import { method } from './define';

const id = z.string().min(1).max(64);

/** Purchases, interactions, the product catalog and the file's settings. */
export const historyContract = {
  'purchases.add': method<Purchase>()(z.strictObject({ purchase: purchaseInputSchema })),
  'purchases.delete': method<{ deleted: number }>()(z.strictObject({ id })),
  'interactions.add': method<Interaction>()(
    z.strictObject({ interaction: interactionInputSchema }),
  ),
  'interactions.delete': method<{ deleted: number }>()(z.strictObject({ id })),
  'products.list': method<Product[]>()(z.strictObject({})),
  'products.save': method<Product>()(
    z.strictObject({ id: id.optional(), product: productInputSchema }),
  ),
  'settings.get': method<Settings>()(z.strictObject({})),
  'settings.update': method<Settings>()(z.strictObject({ settings: settingsSchema })),
};
