import type { KpiDashboard } from '../../../../shared/contract/kpi';
import type { PeriodFigure } from '../../../../shared/kpi/kpiTypes';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { KpiCard } from './KpiCard';
import type { Formats } from './formats';

/**
 * The period's headline figures, each against the compared period when there is one; the
 * inactive customers can be seen in the customer list.
 */
export function KpiCards({
  board,
  format,
  onSeeInactive,
}: {
  board: KpiDashboard;
  format: Formats;
  onSeeInactive(): void;
}) {
  const t = useT();
  const none = t('dashboard.none');
  const changeOf = (figure: PeriodFigure, show: (n: number) => string) => {
    const c = board.comparison;
    if (!c) return { change: null, direction: null };
    const before = c.previous[figure];
    const ratio = c.ratio[figure];
    const delta = c.delta[figure];
    const change =
      ratio === null
        ? delta === null
          ? none
          : format.signed(delta, show)
        : format.signedPercent(ratio);
    return {
      change: t('dashboard.vsBefore', {
        change: delta === 0 ? t('dashboard.noChange') : change,
        before: before === null ? none : show(before),
      }),
      direction: delta,
    };
  };
  const p = board.period;
  const period = (
    figure: PeriodFigure,
    label: MessageKey,
    def: MessageKey,
    show: (n: number) => string,
  ) => {
    const value = p[figure];
    return (
      <KpiCard
        key={figure}
        label={t(label)}
        value={value === null ? none : show(value)}
        definition={t(def)}
        {...changeOf(figure, show)}
      />
    );
  };
  const maybe = (n: number | null, show: (n: number) => string) => (n === null ? none : show(n));
  const seeInactive = t('dashboard.drill.see', { count: board.inactive.count });
  return (
    <dl className="kpi-cards">
      {period('revenueMinor', 'kpi.revenue', 'kpi.def.revenue', format.money)}
      {period('orders', 'kpi.orders', 'kpi.def.orders', format.count)}
      {period('averageBasketMinor', 'kpi.averageBasket', 'kpi.def.averageBasket', format.money)}
      {period('buyers', 'kpi.buyers', 'kpi.def.buyers', format.count)}
      {period('frequency', 'kpi.frequency', 'kpi.def.frequency', format.decimal)}
      {period('repeatRate', 'kpi.repeatRate', 'kpi.def.repeatRate', format.percent)}
      <KpiCard
        label={t('kpi.inactiveCustomers')}
        value={`${format.count(board.inactive.count)} · ${maybe(board.inactive.rate, format.percent)}`}
        definition={t('kpi.def.inactiveCustomers')}
        good="down"
        action={
          board.inactive.count > 0 && (
            <button
              type="button"
              className="link-button drill-link"
              aria-label={t('dashboard.drill.seeGroup', {
                see: seeInactive,
                group: t('kpi.inactiveCustomers'),
              })}
              onClick={onSeeInactive}
            >
              {seeInactive}
            </button>
          )
        }
      />
      <KpiCard
        label={t('kpi.leadConversion')}
        value={`${maybe(board.leads.rate, format.percent)} · ${format.count(board.leads.converted)}/${format.count(board.leads.created)}`}
        definition={t('kpi.def.leadConversion')}
      />
      <KpiCard
        label={t('kpi.clvHistorical')}
        value={maybe(board.clv.historicalMinor, format.money)}
        definition={t('kpi.def.clvHistorical')}
      />
      <KpiCard
        label={t('kpi.clvPredicted')}
        value={maybe(board.clv.predictedMinor, format.money)}
        definition={t('kpi.def.clvPredicted')}
      />
      <KpiCard
        label={t('kpi.paretoShare')}
        value={maybe(board.paretoShare, format.percent)}
        definition={t('kpi.def.paretoShare')}
      />
      {period('refundsMinor', 'kpi.refunds', 'kpi.def.refunds', format.money)}
    </dl>
  );
}
