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
import type { KpiDashboard } from '../../../../shared/contract/kpi';
import type { KpiBucket } from '../../../../shared/kpi/kpiTypes';
import { useT } from '../../../i18n/useT';
import type { Formats } from './formats';

const ACCENT = '#1d5c4d';
const SECOND = '#c2703d';

/** Revenue (bars) and orders (line) per bucket, then new and returning buyers per bucket. */
export function SalesCharts({
  board,
  bucket,
  format,
}: {
  board: KpiDashboard;
  bucket: KpiBucket;
  format: Formats;
}) {
  const t = useT();
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
            />
            <Bar
              dataKey="returningCustomers"
              name={t('kpi.returningCustomers')}
              stackId="buyers"
              fill={ACCENT}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </section>
    </div>
  );
}
