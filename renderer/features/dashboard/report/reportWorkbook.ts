import type { KpiDashboard } from '../../../../shared/contract/kpi';
import { localDay } from '../../../../shared/export/exportColumns';
import { RFM_GROUPS } from '../../../../shared/kpi/kpiTypes';
import {
  sheetsToXlsx,
  type WorkbookCell,
  type WorkbookSheet,
} from '../../../../shared/export/workbook';
import type { MessageKey } from '../../../i18n/translate';
import { reportKpis, type KpiKind, type Translate } from './reportKpis';

export interface ReportWorkbookInput {
  board: KpiDashboard;
  t: Translate;
  /** The file's currency, named in the headers of amounts (the cells hold plain numbers). */
  currency: string;
  /** What the report is about (period, comparison, filters, when), a line of cells each. */
  about: readonly (readonly string[])[];
}

function cell(kind: KpiKind, value: number | null): WorkbookCell {
  if (value === null) return null;
  if (kind === 'money') return { moneyMinor: value };
  if (kind === 'share') return { share: value };
  return value;
}

/**
 * The tables behind the report, one sheet each: the key figures with their comparison, sales
 * over time, retention by cohort, RFM groups and grid, and the top customers. Numbers stay
 * numbers, so the owner can work on them.
 */
export function reportSheets({ board, t, currency, about }: ReportWorkbookInput): WorkbookSheet[] {
  const money = (key: MessageKey) => t('report.col.money', { label: t(key), currency });
  const summary: WorkbookSheet = {
    name: t('report.sheet.summary'),
    header: [
      t('report.kpi.figure'),
      t('report.kpi.value'),
      t('report.kpi.previous'),
      t('report.kpi.change'),
      t('report.col.deltaShare'),
      t('report.definition'),
    ],
    rows: [
      ...reportKpis(board, t).map((kpi) => [
        kpi.label,
        cell(kpi.kind, kpi.value),
        cell(kpi.kind, kpi.comparison?.previous ?? null),
        cell(kpi.kind, kpi.comparison?.delta ?? null),
        kpi.comparison?.ratio === null || kpi.comparison === null
          ? null
          : { share: kpi.comparison.ratio },
        kpi.definition,
      ]),
      [],
      ...about,
    ],
  };
  const series: WorkbookSheet = {
    name: t('report.sheet.series'),
    header: [
      t('report.col.start'),
      money('kpi.revenue'),
      t('kpi.orders'),
      t('report.col.newCustomers'),
      t('report.col.returningCustomers'),
    ],
    rows: board.series.map((p) => [
      { date: localDay(p.start) },
      { moneyMinor: p.revenueMinor },
      p.orders,
      p.newCustomers,
      p.returningCustomers,
    ]),
  };
  const width = Math.max(0, ...board.cohorts.map((c) => c.retention.length));
  const cohorts: WorkbookSheet = {
    name: t('report.sheet.cohorts'),
    header: [
      t('dashboard.cohorts.month'),
      t('dashboard.cohorts.size'),
      ...Array.from({ length: width }, (_, k) => t('dashboard.cohorts.after', { count: k })),
    ],
    rows: board.cohorts.map((c) => [
      { date: localDay(c.month) },
      c.size,
      ...Array.from({ length: width }, (_, k) => {
        const share = c.retention[k];
        return share === undefined || share === null ? null : { share };
      }),
    ]),
  };
  const rfmGroups: WorkbookSheet = {
    name: t('report.sheet.rfmGroups'),
    header: [
      t('dashboard.rfm.group'),
      t('dashboard.rfm.count'),
      money('dashboard.rfm.revenue'),
      t('report.definition'),
    ],
    rows: RFM_GROUPS.map((g) => [
      t(`rfm.${g}`),
      board.rfm.groups[g].count,
      { moneyMinor: board.rfm.groups[g].revenueMinor },
      t(`rfm.def.${g}`),
    ]),
  };
  const scores = [1, 2, 3, 4, 5];
  const rfmGrid: WorkbookSheet = {
    name: t('report.sheet.rfmGrid'),
    header: ['R \\ F', ...scores.map((f) => `F${f}`)],
    rows: [...scores]
      .reverse()
      .map((r) => [`R${r}`, ...scores.map((f) => board.rfm.grid[r - 1]?.[f - 1] ?? 0)]),
  };
  const top: WorkbookSheet = {
    name: t('report.sheet.top'),
    header: [
      t('report.rank'),
      t('dashboard.top.name'),
      money('dashboard.top.revenue'),
      t('dashboard.top.orders'),
    ],
    rows: board.topCustomers.map((c, i) => [
      i + 1,
      c.name,
      { moneyMinor: c.revenueMinor },
      c.orders,
    ]),
  };
  return [summary, series, cohorts, rfmGroups, rfmGrid, top];
}

/** The report's tables as an .xlsx workbook. */
export function reportWorkbook(input: ReportWorkbookInput): Uint8Array {
  return sheetsToXlsx(reportSheets(input));
}
