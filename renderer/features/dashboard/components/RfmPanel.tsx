import type { KpiDashboard } from '../../../../shared/contract/kpi';
import { RFM_GRID, RFM_GROUPS, type RfmGroup } from '../../../../shared/kpi/kpiTypes';
import { useT } from '../../../i18n/useT';
import type { Formats } from './formats';

/** The named group of a cell of the grid (every cell has exactly one: see RFM_GRID's test). */
function groupAt(r: number, f: number) {
  const within = (n: number, [low, high]: [number, number]) => n >= low && n <= high;
  return RFM_GROUPS.find((g) => within(r, RFM_GRID[g].r) && within(f, RFM_GRID[g].f))!;
}

/**
 * The R × F grid of counts, and each named group with its size, spend and definition, and a
 * way to its customers in the customer list.
 */
export function RfmPanel({
  board,
  format,
  onSee,
}: {
  board: KpiDashboard;
  format: Formats;
  onSee(group: RfmGroup): void;
}) {
  const t = useT();
  const scores = [1, 2, 3, 4, 5] as const;
  return (
    <section className="dashboard-panel rfm-panel" title={t('kpi.def.rfm')}>
      <h2>{t('dashboard.rfm')}</h2>
      <div className="rfm-layout">
        <table className="rfm-grid">
          <thead>
            <tr>
              <th scope="col">
                {t('dashboard.rfm.recency')} \ {t('dashboard.rfm.frequency')}
              </th>
              {scores.map((f) => (
                <th key={f} scope="col">
                  F{f}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...scores].reverse().map((r) => (
              <tr key={r}>
                <th scope="row">R{r}</th>
                {scores.map((f) => {
                  const group = groupAt(r, f);
                  return (
                    <td key={f} className={`rfm-cell rfm-${group}`} title={t(`rfm.${group}`)}>
                      {format.count(board.rfm.grid[r - 1]?.[f - 1] ?? 0)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <table className="rfm-groups">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.rfm.group')}</th>
              <th scope="col">{t('dashboard.rfm.count')}</th>
              <th scope="col">{t('dashboard.rfm.revenue')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('dashboard.drill.column')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {RFM_GROUPS.map((group) => {
              const { count, revenueMinor } = board.rfm.groups[group];
              const see = t('dashboard.drill.see', { count });
              return (
                <tr key={group} title={t(`rfm.def.${group}`)}>
                  <th scope="row">
                    <span className={`rfm-swatch rfm-${group}`} aria-hidden="true" />
                    {t(`rfm.${group}`)}
                  </th>
                  <td>{format.count(count)}</td>
                  <td>{format.money(revenueMinor)}</td>
                  <td className="drill-cell">
                    {count > 0 && (
                      <button
                        type="button"
                        className="link-button drill-link"
                        aria-label={t('dashboard.drill.seeGroup', {
                          see,
                          group: t(`rfm.${group}`),
                        })}
                        onClick={() => onSee(group)}
                      >
                        {see}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
