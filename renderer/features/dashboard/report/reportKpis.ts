import type { KpiDashboard } from '../../../../shared/contract/kpi';
import type { PeriodFigure } from '../../../../shared/kpi/kpiTypes';
import type { MessageKey, Params } from '../../../i18n/translate';

export type Translate = (key: MessageKey, params?: Params) => string;

/** How a figure is written: an amount in minor units, a count, a decimal or a share (0.25). */
export type KpiKind = 'money' | 'count' | 'decimal' | 'share';

/** One line of the report's key figures, for the PDF's table and the workbook's summary. */
export interface ReportKpi {
  label: string;
  /** Its one-line definition; empty for a line that details the one above. */
  definition: string;
  kind: KpiKind;
  value: number | null;
  /** Set when the period is compared and the figure has a compared value. */
  comparison: { previous: number | null; delta: number | null; ratio: number | null } | null;
  /** Better when it goes up (revenue) or down (inactive customers). */
  good: 'up' | 'down';
}

/**
 * The dashboard's figures in the order of its cards, each with its definition: the period's
 * with their comparison, then the ones the dashboard shows without one.
 */
export function reportKpis(board: KpiDashboard, t: Translate): ReportKpi[] {
  const period = (
    figure: PeriodFigure,
    label: MessageKey,
    definition: MessageKey,
    kind: KpiKind,
  ): ReportKpi => {
    const c = board.comparison;
    return {
      label: t(label),
      definition: t(definition),
      kind,
      value: board.period[figure],
      comparison: c && {
        previous: c.previous[figure],
        delta: c.delta[figure],
        ratio: c.ratio[figure],
      },
      good: 'up',
    };
  };
  const other = (
    label: string,
    definition: string,
    kind: KpiKind,
    value: number | null,
    good: 'up' | 'down' = 'up',
  ): ReportKpi => ({ label, definition, kind, value, comparison: null, good });
  return [
    period('revenueMinor', 'kpi.revenue', 'kpi.def.revenue', 'money'),
    period('orders', 'kpi.orders', 'kpi.def.orders', 'count'),
    period('averageBasketMinor', 'kpi.averageBasket', 'kpi.def.averageBasket', 'money'),
    period('buyers', 'kpi.buyers', 'kpi.def.buyers', 'count'),
    period('frequency', 'kpi.frequency', 'kpi.def.frequency', 'decimal'),
    period('repeatRate', 'kpi.repeatRate', 'kpi.def.repeatRate', 'share'),
    other(
      t('kpi.inactiveCustomers'),
      t('kpi.def.inactiveCustomers'),
      'count',
      board.inactive.count,
      'down',
    ),
    other(
      t('report.kpi.inactiveRate'),
      t('kpi.def.inactiveRate'),
      'share',
      board.inactive.rate,
      'down',
    ),
    other(t('kpi.leadConversion'), t('kpi.def.leadConversion'), 'share', board.leads.rate),
    other(t('report.kpi.leadsCreated'), '', 'count', board.leads.created),
    other(t('report.kpi.leadsConverted'), '', 'count', board.leads.converted),
    other(t('kpi.clvHistorical'), t('kpi.def.clvHistorical'), 'money', board.clv.historicalMinor),
    other(t('kpi.clvPredicted'), t('kpi.def.clvPredicted'), 'money', board.clv.predictedMinor),
    other(t('kpi.paretoShare'), t('kpi.def.paretoShare'), 'share', board.paretoShare),
    period('refundsMinor', 'kpi.refunds', 'kpi.def.refunds', 'money'),
  ];
}
