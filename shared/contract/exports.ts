import { z } from 'zod';
import { exportColumnSchema } from '../export/exportColumns';
import { BULK_MAX, customerId, listQuerySchema } from './customers';
import { method } from './define';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'vcard', 'json'] as const;
export type ExportFileFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_COLUMNS_MAX = 200;

/** A file made by the store, for the UI to save (browser: a download; desktop: a save dialog). */
export interface ExportedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  /** Customers in it. */
  count: number;
}

export const exportsContract = {
  /** The list as shown (its search, filters and order) or the selected customers, as a file. */
  'export.customers': method<ExportedFile>()(
    z.strictObject({
      scope: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('list'), ...listQuerySchema }),
        z.strictObject({
          kind: z.literal('selection'),
          ids: z.array(customerId).min(1).max(BULK_MAX),
        }),
      ]),
      format: z.enum(EXPORT_FORMATS),
      columns: z.array(exportColumnSchema).min(1).max(EXPORT_COLUMNS_MAX),
      delimiter: z.enum([',', ';', '\t']).default(';'),
      /** Column headers in the user's language, by column id. */
      labels: z.record(z.string().max(120), z.string().max(120)).default({}),
      /** The file's name without extension ("clients 2026-12-01"). */
      name: z.string().trim().min(1).max(120),
    }),
  ),
};
