import type { ExportedFile, ExportFileFormat } from '../../../shared/contract/exports';
import type { Customer } from '../../../shared/domain/customer';
import { customersToCsv, type ExportDelimiter } from '../../../shared/export/csv';
import { exportColumnLabel, type ExportColumn } from '../../../shared/export/exportColumns';
import { customersToJson } from '../../../shared/export/json';
import { customersToVcard } from '../../../shared/export/vcard';
import { XLSX_MIME_TYPE, customersToXlsx } from '../../../shared/export/xlsx';
import type { CustomField } from '../../../shared/domain/customFields';

export interface ExportRequest {
  format: ExportFileFormat;
  columns: ExportColumn[];
  delimiter: ExportDelimiter;
  labels: Record<string, string>;
  name: string;
}

const TYPES: Record<ExportFileFormat, { mime: string; extension: string }> = {
  csv: { mime: 'text/csv;charset=utf-8', extension: 'csv' },
  xlsx: { mime: XLSX_MIME_TYPE, extension: 'xlsx' },
  vcard: { mime: 'text/vcard;charset=utf-8', extension: 'vcf' },
  json: { mime: 'application/json', extension: 'json' },
};

/**
 * Customers to a file's bytes. CSV is UTF-8 with a BOM (Excel reads accents right) and cells
 * safe from formula injection; XLSX has real numbers and dates; vCard 4.0 carries every
 * contact field whatever the columns; JSON is the full record unless columns are picked.
 */
export function exportCustomers(
  customers: readonly Customer[],
  request: ExportRequest,
  customFields: readonly CustomField[],
): ExportedFile {
  const labelOf = (column: ExportColumn) =>
    request.labels[column] ?? exportColumnLabel(column, customFields);
  const { mime, extension } = TYPES[request.format];
  const encode = (text: string) => new TextEncoder().encode(text);
  let bytes: Uint8Array;
  switch (request.format) {
    case 'csv':
      bytes = encode(
        customersToCsv(customers, request.columns, {
          delimiter: request.delimiter,
          bom: true,
          header: 'labels',
          labelOf,
        }),
      );
      break;
    case 'xlsx':
      bytes = customersToXlsx(customers, request.columns, { sheetName: request.name, labelOf });
      break;
    case 'vcard':
      bytes = encode(customersToVcard([...customers], '4.0'));
      break;
    case 'json':
      bytes = encode(customersToJson(customers));
      break;
  }
  return { name: `${request.name}.${extension}`, mime, bytes, count: customers.length };
}
