import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { EXPORT_FORMATS, type ExportFileFormat } from '../../../../shared/contract/exports';
import type { CustomField } from '../../../../shared/domain/customFields';
import { defaultDelimiter, type ExportDelimiter } from '../../../../shared/export/csv';
import { allExportColumns, type ExportColumn } from '../../../../shared/export/exportColumns';
import { Dialog } from '../../../components/Dialog';
import { useToastStore } from '../../../components/toastStore';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';
import { useListViewStore } from '../../customers/stores/listViewStore';
import { saveFile } from '../saveFile';
import { exportColumnText, listColumnsForExport } from '../exportLabels';

const DELIMITERS: {
  value: ExportDelimiter;
  key: 'import.delimiter.comma' | 'import.delimiter.semicolon' | 'import.delimiter.tab';
}[] = [
  { value: ';', key: 'import.delimiter.semicolon' },
  { value: ',', key: 'import.delimiter.comma' },
  { value: '\t', key: 'import.delimiter.tab' },
];

/** User Timing marks the bench reads: the request sent, the file back from the store. */
export const EXPORT_MARKS = {
  start: 'comptoir:export-start',
  done: 'comptoir:export-done',
} as const;

/**
 * Exports the list as shown, or the selected customers, to CSV, XLSX, vCard or JSON with the
 * columns the user picks (the list's by default).
 */
export function ExportDialog({
  scope,
  onClose,
}: {
  scope: { kind: 'list' } | { kind: 'selection'; ids: string[] };
  onClose(): void;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { core, host, customerList } = useServices();
  const showToast = useToastStore((s) => s.show);
  const total = useStore(customerList, (s) => s.total ?? 0);
  const listColumns = useListViewStore((s) => s.columns);
  const [customFields, setCustomFields] = useState<CustomField[]>([]);
  const [format, setFormat] = useState<ExportFileFormat>('csv');
  const [delimiter, setDelimiter] = useState<ExportDelimiter>(defaultDelimiter(language));
  const [columns, setColumns] = useState<ExportColumn[]>(() => listColumnsForExport(listColumns));
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void core.send('settings.get', {}).then((s) => setCustomFields(s.customFields));
  }, [core]);

  const all = allExportColumns(customFields);
  const label = (column: ExportColumn) => exportColumnText(column, customFields, t);
  const count = scope.kind === 'list' ? total : scope.ids.length;
  const usesColumns = format === 'csv' || format === 'xlsx';

  const start = async () => {
    setBusy(true);
    try {
      const { query, filter, sort } = customerList.getState();
      performance.mark(EXPORT_MARKS.start);
      const ordered = all.filter((c) => columns.includes(c));
      const file = await core.send('export.customers', {
        scope: scope.kind === 'list' ? { kind: 'list', query, filter, sort } : scope,
        format,
        columns: ordered.length > 0 ? ordered : all,
        delimiter,
        labels: Object.fromEntries(ordered.map((c) => [c, label(c)])),
        name: t('export.fileName', { date: new Date().toISOString().slice(0, 10) }),
      });
      performance.mark(EXPORT_MARKS.done);
      if (await saveFile(host, file)) {
        showToast(t('export.done', { count: file.count, name: file.name }));
        onClose();
      }
    } catch (error) {
      showToast(errorText(error, t), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('export.title')}
      size="wide"
      description={t(scope.kind === 'list' ? 'export.bodyList' : 'export.bodySelection', {
        count,
      })}
      onClose={onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <fieldset className="choice-group">
          <legend>{t('export.format')}</legend>
          {EXPORT_FORMATS.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="export-format"
                checked={format === value}
                onChange={() => setFormat(value)}
              />
              {t(`export.format.${value}`)}
            </label>
          ))}
        </fieldset>
        {format === 'csv' && (
          <label className="export-delimiter">
            {t('export.delimiter')}
            <select
              value={delimiter}
              onChange={(e) => setDelimiter(e.target.value as ExportDelimiter)}
            >
              {DELIMITERS.map((d) => (
                <option key={d.value} value={d.value}>
                  {t(d.key)}
                </option>
              ))}
            </select>
          </label>
        )}
        {usesColumns ? (
          <fieldset className="export-columns">
            <legend>
              {t('export.columns')}{' '}
              <button type="button" className="link-button" onClick={() => setColumns(all)}>
                {t('export.columnsAll')}
              </button>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => setColumns(listColumnsForExport(listColumns))}
              >
                {t('export.columnsList')}
              </button>
            </legend>
            <div className="export-column-grid">
              {all.map((column) => (
                <label key={column} className="choice">
                  <input
                    type="checkbox"
                    checked={columns.includes(column)}
                    onChange={(e) =>
                      setColumns(
                        e.target.checked
                          ? [...columns, column]
                          : columns.filter((c) => c !== column),
                      )
                    }
                  />
                  {label(column)}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <p>{t('export.allFields')}</p>
        )}
        {usesColumns && columns.length === 0 && (
          <p className="form-error" role="alert">
            {t('export.noColumn')}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('export.cancel')}
          </button>
          <button
            type="submit"
            className="button-primary"
            disabled={busy || count === 0 || (usesColumns && columns.length === 0)}
          >
            {busy ? t('export.working') : t('export.start')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
