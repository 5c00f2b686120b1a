import type { KpiDashboard } from '../../../../shared/contract/kpi';
import { useT } from '../../../i18n/useT';
import type { Formats } from './formats';

/** The period's ten best customers, with what they spent and how often they ordered. */
export function TopCustomers({
  board,
  format,
  onOpen,
}: {
  board: KpiDashboard;
  format: Formats;
  /** Opens a customer's record. */
  onOpen(id: string): void;
}) {
  const t = useT();
  return (
    <section className="dashboard-panel" title={t('kpi.def.topCustomers')}>
      <h2>{t('dashboard.top')}</h2>
      <table className="top-customers">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.top.name')}</th>
            <th scope="col">{t('dashboard.top.revenue')}</th>
            <th scope="col">{t('dashboard.top.orders')}</th>
          </tr>
        </thead>
        <tbody>
          {board.topCustomers.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <button type="button" className="cell-button" onClick={() => onOpen(c.id)}>
                  {c.name || t('dashboard.top.noName')}
                </button>
              </th>
              <td>{format.money(c.revenueMinor)}</td>
              <td>{format.count(c.orders)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
