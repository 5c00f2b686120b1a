import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { KpiDashboard, KpiPick } from '../../../../shared/contract/kpi';
import type { KpiBucket } from '../../../../shared/kpi/kpiTypes';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';
import { bucketName } from '../utils/bucketName';
import type { Formats } from './formats';

const ACCENT = '#1d5c4d';
const SECOND = '#c2703d';

type BucketPick = Extract<KpiPick, { kind: 'bucket' }>;
/** What Recharts hands a bar's onClick: the bar's data point among other things. */
interface BarClick {
  payload?: { start?: number };
}

/**
 * Revenue (bars) and orders (line) per bucket, then new and returning buyers per bucket. A bar
 * opens the customers it counted; the same numbers as a table give the keyboard a way in.
 */
export function SalesCharts({
  board,
  bucket,
  format,
  onSee,
}: {
  board: KpiDashboard;
  bucket: KpiBucket;
  format: Formats;
  onSee(pick: BucketPick): void;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const seeBar = (who: BucketPick['who']) => (bar: BarClick) => {
    const start = bar.payload?.start;
    if (typeof start === 'number') onSee({ kind: 'bucket', start, who });
  };
  const when = (at: number) => (bucket === 'month' ? format.month(at) : format.day(at));
  const data = board.series.map((p) => ({ ...p, revenue: p.revenueMinor / 100 }));
  const revenue = t('kpi.revenue');
  const orders = t('kpi.orders');
  return (
    <div className="dashboard-charts">
      <section className="dashboard-panel" title={t('kpi.def.series')}>
        <h2>{t('dashboard.sales')}</h2>
        <ResponsiveContainer width="100%" height={240}>
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="#e7e4de" vertical={false} />
            <XAxis dataKey="start" tickFormatter={when} minTickGap={16} fontSize={12} />
            <YAxis
              yAxisId="money"
              tickFormatter={(v: number) => format.moneyRounded(v * 100)}
              width={90}
              fontSize={12}
            />
            <YAxis yAxisId="count" orientation="right" width={48} fontSize={12} />
            <Tooltip
              labelFormatter={(at) => when(Number(at))}
              formatter={(value, name) =>
                name === revenue ? format.money(Number(value) * 100) : format.count(Number(value))
              }
            />
            <Legend />
            <Bar
              yAxisId="money"
              dataKey="revenue"
              name={revenue}
              fill={ACCENT}
              isAnimationActive={false}
              cursor="pointer"
              onClick={seeBar('all')}
            />
            <Line
              yAxisId="count"
              dataKey="orders"
              name={orders}
              stroke={SECOND}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </section>
      <section className="dashboard-panel" title={t('kpi.def.newCustomers')}>
        <h2>{t('dashboard.customers')}</h2>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="#e7e4de" vertical={false} />
            <XAxis dataKey="start" tickFormatter={when} minTickGap={16} fontSize={12} />
            <YAxis width={48} fontSize={12} />
            <Tooltip labelFormatter={(at) => when(Number(at))} />
            <Legend />
            <Bar
              dataKey="newCustomers"
              name={t('kpi.newCustomers')}
              stackId="buyers"
              fill={SECOND}
              isAnimationActive={false}
              cursor="pointer"
              onClick={seeBar('new')}
            />
            <Bar
              dataKey="returningCustomers"
              name={t('kpi.returningCustomers')}
              stackId="buyers"
              fill={ACCENT}
              isAnimationActive={false}
              cursor="pointer"
              onClick={seeBar('returning')}
            />
          </BarChart>
        </ResponsiveContainer>
        <p className="hint dashboard-chart-hint">{t('dashboard.drill.chartHint')}</p>
        <details className="series-table">
          <summary>{t('dashboard.seriesTable')}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.seriesTable.when')}</th>
                <th scope="col">{revenue}</th>
                <th scope="col">{orders}</th>
                <th scope="col">{t('kpi.newCustomers')}</th>
                <th scope="col">{t('kpi.returningCustomers')}</th>
              </tr>
            </thead>
            <tbody>
              {board.series.map((p) => {
                const name = bucketName(language, t, p.start, bucket);
                const cell = (who: 'new' | 'returning', count: number) =>
                  count > 0 ? (
                    <button
                      type="button"
                      className="cell-button"
                      aria-label={t(
                        who === 'new'
                          ? 'dashboard.drill.bucketNew'
                          : 'dashboard.drill.bucketReturning',
                        { count, n: format.count(count), when: name },
                      )}
                      onClick={() => onSee({ kind: 'bucket', start: p.start, who })}
                    >
                      {format.count(count)}
                    </button>
                  ) : (
                    format.count(count)
                  );
                return (
                  <tr key={p.start}>
                    <th scope="row">
                      {p.newCustomers + p.returningCustomers > 0 ? (
                        <button
                          type="button"
                          className="cell-button"
                          aria-label={t('dashboard.drill.bucket', {
                            count: p.newCustomers + p.returningCustomers,
                            n: format.count(p.newCustomers + p.returningCustomers),
                            when: name,
                          })}
                          onClick={() => onSee({ kind: 'bucket', start: p.start, who: 'all' })}
                        >
                          {name}
                        </button>
                      ) : (
                        name
                      )}
                    </th>
                    <td>{format.money(p.revenueMinor)}</td>
                    <td>{format.count(p.orders)}</td>
                    <td>{cell('new', p.newCustomers)}</td>
                    <td>{cell('returning', p.returningCustomers)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      </section>
    </div>
  );
}
