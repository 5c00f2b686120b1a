import { customerHistory } from './customerHistory';
import { customerKpis } from './customerKpis';
import { kpiCohorts } from './kpiCohorts';
import { kpiColumns } from './kpiColumns';
import { kpiScope } from './kpiScope';
import { kpiSeries } from './kpiSeries';
import { comparisonPeriod } from './kpiTime';
import type { KpiInput, KpiQuery, KpiReport } from './kpiTypes';
import { comparePeriods, periodFigures } from './periodFigures';
import { topCustomers } from './topCustomers';

/**
 * Every dashboard KPI for a query. The columns are built once per pair of lists; a query is
 * then a handful of linear passes over typed arrays (see KPI_DEFINITIONS for what each means,
 * and naiveKpis for the same read word for word).
 */
export function computeKpis(data: KpiInput, query: KpiQuery): KpiReport {
  const columns = kpiColumns(data.purchases, data.customers);
  const scope = kpiScope(columns, query);
  const { from, to } = query;
  const current = periodFigures(columns, scope, from, to);
  const compared = comparisonPeriod(from, to, query.compare);
  const history = customerHistory(columns, scope, to);
  return {
    period: current.figures,
    comparison: compared
      ? comparePeriods(current.figures, periodFigures(columns, scope, ...compared).figures)
      : null,
    series: kpiSeries(columns, scope, history.firstOrderAt, from, to, query.bucket),
    cohorts: kpiCohorts(columns, scope, history, to),
    ...customerKpis(columns, scope, history, query),
    ...topCustomers(columns, current.customers),
  };
}
