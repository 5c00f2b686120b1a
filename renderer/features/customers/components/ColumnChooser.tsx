import { useState } from 'react';
import { useStore } from 'zustand';
import {
  BUILT_IN_COLUMNS,
  DEFAULT_COLUMNS,
  type ColumnId,
} from '../../../../shared/domain/customerColumns';
import { useServices } from '../../../app/services';
import { Dialog } from '../../../components/Dialog';
import { useT } from '../../../i18n/useT';
import { useListViewStore } from '../stores/listViewStore';
import { columnLabel, liveColumns } from '../utils/columns';

export interface ColumnChooserProps {
  onClose(): void;
}

/** Which columns the list shows and in what order (custom fields and figures included). */
export function ColumnChooser({ onClose }: ColumnChooserProps) {
  const t = useT();
  const { fileSettings } = useServices();
  const customFields = useStore(fileSettings, (s) => s.settings.customFields);
  const [shown, setShown] = useState<ColumnId[]>(() =>
    liveColumns(useListViewStore.getState().columns, customFields),
  );
  const every: ColumnId[] = [
    ...BUILT_IN_COLUMNS,
    ...customFields.map((f) => `custom:${f.id}` as const),
  ];
  const hidden = every.filter((c) => !shown.includes(c));

  const move = (index: number, step: number) => {
    const next = [...shown];
    const [column] = next.splice(index, 1);
    next.splice(index + step, 0, column!);
    setShown(next);
    requestAnimationFrame(() => document.getElementById(`move-${column}-${step}`)?.focus());
  };
  const apply = () => {
    useListViewStore.getState().setColumns(shown.length > 0 ? shown : DEFAULT_COLUMNS);
    onClose();
  };

  return (
    <Dialog title={t('columns.title')} description={t('columns.help')} onClose={onClose}>
      <div className="columns-chooser">
        <ol className="columns-shown" aria-label={t('columns.shown')}>
          {shown.map((column, i) => {
            const label = columnLabel(column, customFields, t);
            return (
              <li key={column}>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked
                    onChange={() => setShown(shown.filter((c) => c !== column))}
                  />
                  {label}
                </label>
                <span>
                  <button
                    id={`move-${column}--1`}
                    type="button"
                    className="icon-button"
                    disabled={i === 0}
                    aria-label={t('columns.up', { column: label })}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    id={`move-${column}-1`}
                    type="button"
                    className="icon-button"
                    disabled={i === shown.length - 1}
                    aria-label={t('columns.down', { column: label })}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <ul className="columns-hidden" aria-label={t('columns.hidden')}>
          {hidden.map((column) => (
            <li key={column}>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={false}
                  onChange={() => setShown([...shown, column])}
                />
                {columnLabel(column, customFields, t)}
              </label>
            </li>
          ))}
        </ul>
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="button-secondary"
          onClick={() => setShown(DEFAULT_COLUMNS)}
        >
          {t('columns.reset')}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('form.cancel')}
        </button>
        <button type="button" className="button-primary" onClick={apply}>
          {t('columns.apply')}
        </button>
      </div>
    </Dialog>
  );
}
