import type { KpiDashboard, KpiPick } from '../../../../shared/contract/kpi';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';
import { bucketName, monthsLater } from '../utils/bucketName';
import type { Formats } from './formats';

/**
 * The cell's colour for a share: the accent over white, never darker than 64 % so that the
 * ink stays readable on every cell (4.5:1 at the darkest; white text would fail mid-range).
 */
function heat(share: number): { background: string } {
  return { background: `rgba(29, 92, 77, ${(0.06 + share * 0.58).toFixed(3)})` };
}

/**
 * Retention by monthly cohort as a heatmap: the darker, the more of the cohort came back. A
 * cohort's size and each cell open those customers as a list.
 */
export function CohortTable({
  board,
  format,
  onSee,
}: {
  board: KpiDashboard;
  format: Formats;
  onSee(pick: Extract<KpiPick, { kind: 'cohort' }>): void;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const monthName = (month: number) => bucketName(language, t, month, 'month');
  const width = Math.max(0, ...board.cohorts.map((c) => c.retention.length));
  return (
    <section className="dashboard-panel" title={t('kpi.def.retention')}>
      <h2>{t('dashboard.cohorts')}</h2>
      <div className="cohort-scroll">
        <table className="cohort-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.cohorts.month')}</th>
              <th scope="col">{t('dashboard.cohorts.size')}</th>
              {Array.from({ length: width }, (_, k) => (
                <th key={k} scope="col">
                  {t('dashboard.cohorts.after', { count: k })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {board.cohorts.map((row) => (
              <tr key={row.month}>
                <th scope="row">{format.month(row.month)}</th>
                <td>
                  {row.size > 0 ? (
                    <button
                      type="button"
                      className="cell-button"
                      aria-label={t('dashboard.drill.cohort', {
                        count: row.size,
                        n: format.count(row.size),
                        month: monthName(row.month),
                      })}
                      onClick={() => onSee({ kind: 'cohort', month: row.month, offset: null })}
                    >
                      {format.count(row.size)}
                    </button>
                  ) : (
                    format.count(row.size)
                  )}
                </td>
                {Array.from({ length: width }, (_, k) => {
                  const share = row.retention[k];
                  if (share === undefined || share === null) return <td key={k} />;
                  const count = Math.round(share * row.size);
                  return (
                    <td key={k} className="cohort-cell" style={heat(share)}>
                      {count > 0 ? (
                        <button
                          type="button"
                          className="cell-button"
                          aria-label={t('dashboard.drill.valueThen', {
                            value: format.percent(share),
                            then: t('dashboard.drill.cohortCell', {
                              count,
                              n: format.count(count),
                              month: monthName(row.month),
                              later: monthsLater(t, k),
                            }),
                          })}
                          onClick={() => onSee({ kind: 'cohort', month: row.month, offset: k })}
                        >
                          {format.percent(share)}
                        </button>
                      ) : (
                        format.percent(share)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
