import { z } from 'zod';
import { DEFAULT_KPI_SETTINGS, kpiSettingsSchema } from '../kpi/kpiTypes';
import { CUSTOM_FIELDS_MAX, customFieldSchema } from './customFields';

/** The file's settings: they travel with the customer file, encrypted like it. */
export const settingsSchema = z.strictObject({
  /** ISO 3166 alpha-2: how a phone typed without +country is read. */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/, { error: 'invalidChoice' }),
  /** ISO 4217: the currency of new purchases and of the figures. */
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'invalidChoice' }),
  customFields: z
    .array(customFieldSchema)
    .max(CUSTOM_FIELDS_MAX, { error: 'tooMany' })
    .refine((list) => new Set(list.map((f) => f.id)).size === list.length, { error: 'duplicate' }),
  /** The dashboard's: when a customer is inactive, the RFM score thresholds. */
  kpi: kpiSettingsSchema.default(DEFAULT_KPI_SETTINGS),
});
export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  defaultCountry: 'FR',
  currency: 'EUR',
  customFields: [],
  kpi: DEFAULT_KPI_SETTINGS,
};
