import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { DEFAULT_KPI_SETTINGS } from '../../../../shared/kpi/kpiTypes';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useToastStore } from '../../../components/toastStore';
import { useT } from '../../../i18n/useT';
import {
  KPI_SETTING_ROWS,
  kpiSettingsForm,
  readKpiSettingsForm,
  type KpiSettingsForm,
  type KpiSettingsProblems,
} from '../utils/kpiSettingsForm';

const SCORES = [2, 3, 4, 5] as const;

/** When a customer counts as inactive, and the limits of each RFM score (dashboard). */
export function KpiSettingsSection() {
  const t = useT();
  const id = useId();
  const { fileSettings } = useServices();
  const settings = useStore(fileSettings, (s) => s.settings);
  const showToast = useToastStore((s) => s.show);
  const [form, setForm] = useState<KpiSettingsForm>(() => kpiSettingsForm(settings.kpi));
  const [problems, setProblems] = useState<KpiSettingsProblems>({});

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const read = readKpiSettingsForm(form);
    setProblems(read.problems ?? {});
    if (!read.settings) return;
    try {
      await fileSettings.getState().saveSettings({ ...settings, kpi: read.settings });
      showToast(t('settings.saved'));
    } catch (error) {
      showToast(errorText(error, t), 'error');
    }
  };
  const setCell = (row: (typeof KPI_SETTING_ROWS)[number], k: number, value: string) =>
    setForm((f) => {
      const cells = [...f[row]] as KpiSettingsForm[typeof row];
      cells[k] = value;
      return { ...f, [row]: cells };
    });
  const shownProblems = Object.values(problems);

  return (
    <section aria-labelledby={`${id}-title`} className="settings-section kpi-settings">
      <h3 id={`${id}-title`}>{t('settings.kpi.title')}</h3>
      <form onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
        <div className="field kpi-settings-inactive">
          <label htmlFor={`${id}-inactive`}>{t('settings.kpi.inactiveDays')}</label>
          <input
            id={`${id}-inactive`}
            inputMode="numeric"
            value={form.inactiveDays}
            aria-invalid={!!problems.inactiveDays}
            onChange={(e) => setForm((f) => ({ ...f, inactiveDays: e.target.value }))}
          />
        </div>
        <p className="field-hint">{t('settings.kpi.intro')}</p>
        <table className="kpi-settings-table">
          <thead>
            <tr>
              <td />
              {SCORES.map((score) => (
                <th key={score} scope="col">
                  {t('settings.kpi.score', { score })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {KPI_SETTING_ROWS.map((row) => (
              <tr key={row}>
                <th scope="row" id={`${id}-${row}`}>
                  {t(`settings.kpi.row.${row}`, { currency: settings.currency })}
                </th>
                {SCORES.map((score, k) => (
                  <td key={score}>
                    <input
                      inputMode={row === 'monetary' ? 'decimal' : 'numeric'}
                      aria-label={`${t(`settings.kpi.row.${row}`, { currency: settings.currency })} · ${t('settings.kpi.score', { score })}`}
                      aria-invalid={!!problems[row]}
                      value={form[row][k]}
                      onChange={(e) => setCell(row, k, e.target.value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {shownProblems.length > 0 && (
          <ul className="field-error kpi-settings-problems" role="alert">
            {shownProblems.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        )}
        <div className="kpi-settings-actions">
          <button type="submit" className="button-secondary">
            {t('settings.kpi.save')}
          </button>
          <button
            type="button"
            className="button-ghost"
            onClick={() => {
              setForm(kpiSettingsForm(DEFAULT_KPI_SETTINGS));
              setProblems({});
            }}
          >
            {t('settings.kpi.reset')}
          </button>
        </div>
      </form>
    </section>
  );
}
