import type { ColumnId } from '../../../shared/domain/customerColumns';
import type { CustomField } from '../../../shared/domain/customFields';
import { EXPORT_ONLY_COLUMNS, type ExportColumn } from '../../../shared/export/exportColumns';
import type { MessageKey } from '../../i18n/en';
import type { Params } from '../../i18n/translate';
import { columnLabel } from '../customers/utils/columns';

type T = (key: MessageKey, params?: Params) => string;

/** A column's header in the user's language: the list's words, the form's for the others. */
export function exportColumnText(
  column: ExportColumn,
  customFields: readonly CustomField[],
  t: T,
): string {
  if (column === 'id') return t('export.column.id');
  const consent = /^(consent|consentDate):(\w+)$/.exec(column);
  if (consent) {
    const channel = t(`consent.${consent[2]}` as MessageKey);
    return t(consent[1] === 'consent' ? 'export.column.consent' : 'export.column.consentDate', {
      channel,
    });
  }
  if ((EXPORT_ONLY_COLUMNS as readonly string[]).includes(column))
    return t(`field.${column}` as MessageKey);
  return columnLabel(column as ColumnId, customFields, t);
}

/** The list's columns as export columns: the name is written as first and last name. */
export function listColumnsForExport(columns: readonly ColumnId[]): ExportColumn[] {
  return columns.flatMap((c): ExportColumn[] => (c === 'name' ? ['firstName', 'lastName'] : [c]));
}
