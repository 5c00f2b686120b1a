import type { KpiDashboard } from '../../../../shared/contract/kpi';
import { useT } from '../../../i18n/useT';
import type { Formats } from './formats';

/**
 * The cell's colour for a share: the accent over white, never darker than 64 % so that the
 * ink stays readable on every cell (4.5:1 at the darkest; white text would fail mid-range).
 */
function heat(share: number): { background: string } {
  return { background: `rgba(29, 92, 77, ${(0.06 + share * 0.58).toFixed(3)})` };
}

/** Retention by monthly cohort as a heatmap: the darker, the more of the cohort came back. */
export function CohortTable({ board, format }: { board: KpiDashboard; format: Formats }) {
  const t = useT();
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
                <td>{format.count(row.size)}</td>
                {Array.from({ length: width }, (_, k) => {
                  const share = row.retention[k];
                  if (share === undefined || share === null) return <td key={k} />;
                  return (
                    <td key={k} className="cohort-cell" style={heat(share)}>
                      {format.percent(share)}
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
