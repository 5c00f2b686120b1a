import type { KpiDashboard, KpiDashboardQuery } from '../../../../shared/contract/kpi';
import { RFM_GRID, RFM_GROUPS } from '../../../../shared/kpi/kpiTypes';
import { formatDate, formatDateTime } from '../../../i18n/format';
import type { Formats } from '../components/formats';
import { reportKpis, type KpiKind, type ReportKpi, type Translate } from './reportKpis';
import { reportCss } from './reportStyles';

/** A chart as drawn on the dashboard: its title, its legend and its SVG markup. */
export interface ReportChart {
  title: string;
  /** `outerHTML` of the chart's own svg, cleaned (see chartsFromPage.ts). */
  svg: string;
  legend: { label: string; color: string }[];
}

export interface ReportInput {
  board: KpiDashboard;
  query: Pick<KpiDashboardQuery, 'from' | 'to' | 'bucket' | 'compare' | 'channel' | 'city'>;
  /** The saved segment's name when the report is for one. */
  segmentName: string | null;
  /** The business or file name, when the settings have one. */
  business: string | null;
  language: string;
  t: Translate;
  format: Formats;
  generatedAt: number;
  charts: readonly ReportChart[];
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value: a name like `<img onerror=…>` prints as itself. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Colours as Recharts writes them; anything else is dropped rather than put in a style. */
const COLOUR = /^(#[0-9a-f]{3,8}|rgba?\(\s*[\d.]+%?(\s*,\s*[\d.]+%?){2,3}\s*\))$/i;

/** No script, no request: the report's tab and main's print window load nothing else. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const lastDay = (to: number) => to - 1;

/** A period as the dashboard writes it, its last day included. */
function rangeText({ t, language }: Pick<ReportInput, 't' | 'language'>, from: number, to: number) {
  return t('dashboard.range', {
    from: formatDate(language, from),
    to: formatDate(language, lastDay(to)),
  });
}

/**
 * What the report is about, as label and text: period, bucket, comparison and filters. On the
 * cover, and below the key figures in the workbook.
 */
export function reportAbout(
  input: Pick<ReportInput, 'board' | 'query' | 'segmentName' | 'language' | 't'>,
): [string, string][] {
  const { board, query, t } = input;
  const compared = board.comparison
    ? t('report.comparedRange', {
        compare: t(
          query.compare === 'lastYear'
            ? 'dashboard.compare.lastYear'
            : 'dashboard.compare.previous',
        ),
        range: rangeText(input, board.comparison.previous.from, board.comparison.previous.to),
      })
    : t('dashboard.compare.none');
  return [
    [t('dashboard.period'), rangeText(input, query.from, query.to)],
    [t('dashboard.bucket'), t(`dashboard.bucket.${query.bucket}`)],
    [t('dashboard.compare'), compared],
    [t('dashboard.segment'), input.segmentName ?? t('dashboard.segment.all')],
    [t('dashboard.channel'), query.channel ?? t('dashboard.channel.all')],
    [t('dashboard.city'), query.city ?? t('report.city.all')],
  ];
}

/**
 * The owner's report as one self-contained HTML document for A4 paper: a cover (period,
 * filters, comparison, headline figures), the key figures with their definitions, the charts
 * as drawn on the dashboard, the top customers, RFM and retention by cohort. Every text that
 * comes from the data (names, segments, channels, cities) is escaped; the charts' SVG is taken
 * as given, since it comes from the app's own rendering.
 */
export function reportHtml(input: ReportInput): string {
  const { board, query, t, format, language } = input;
  const none = t('dashboard.none');
  const period = rangeText(input, query.from, query.to);
  const title = t('report.title');

  const show = (kind: KpiKind, value: number | null) => {
    if (value === null) return none;
    if (kind === 'money') return format.money(value);
    if (kind === 'count') return format.count(value);
    if (kind === 'decimal') return format.decimal(value);
    return format.percent(value);
  };

  const cover = () => {
    const details = reportAbout(input);
    const headline: [string, string][] = [
      [t('kpi.revenue'), format.money(board.period.revenueMinor)],
      [t('kpi.orders'), format.count(board.period.orders)],
      [t('kpi.buyers'), format.count(board.period.buyers)],
      [t('kpi.averageBasket'), show('money', board.period.averageBasketMinor)],
    ];
    return `<section class="cover">
<div class="brand">Comptoir</div>
<h1>${escapeHtml(title)}</h1>
${input.business ? `<div class="business">${escapeHtml(input.business)}</div>` : ''}
<div class="period">${escapeHtml(period)}</div>
<dl>${details.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<div class="headline">${headline
      .map(([k, v]) => `<div><span>${escapeHtml(k)}</span><strong>${escapeHtml(v)}</strong></div>`)
      .join('')}</div>
<p class="generated">${escapeHtml(t('report.generated', { date: formatDateTime(language, input.generatedAt) }))}</p>
</section>`;
  };

  const change = (kpi: ReportKpi) => {
    const c = kpi.comparison;
    if (!c || c.delta === null) return `<td class="num change">${escapeHtml(none)}</td>`;
    if (c.delta === 0) return `<td class="num change">${escapeHtml(t('dashboard.noChange'))}</td>`;
    const absolute =
      kpi.kind === 'share'
        ? t('report.points', { value: format.signed(c.delta * 100, format.decimal) })
        : format.signed(c.delta, (n) => show(kpi.kind, n));
    const tone = c.delta > 0 === (kpi.good === 'up') ? 'good' : 'bad';
    const main = c.ratio === null ? absolute : format.signedPercent(c.ratio);
    const detail = c.ratio === null ? '' : ` <small>${escapeHtml(absolute)}</small>`;
    return `<td class="num change ${tone}">${escapeHtml(main)}${detail}</td>`;
  };

  const kpis = () => {
    const rows = reportKpis(board, t)
      .map((kpi) => {
        const definition = kpi.definition
          ? `<span class="definition">${escapeHtml(kpi.definition)}</span>`
          : '';
        const previous = kpi.comparison ? show(kpi.kind, kpi.comparison.previous) : none;
        return `<tr${kpi.definition ? '' : ' class="detail"'}><td class="figure"><strong>${escapeHtml(kpi.label)}</strong>${definition}</td><td class="num">${escapeHtml(show(kpi.kind, kpi.value))}</td><td class="num">${escapeHtml(previous)}</td>${change(kpi)}</tr>`;
      })
      .join('');
    const unknown =
      board.period.unknownCustomerOrders > 0
        ? `<p class="note">${escapeHtml(t('dashboard.unknownOrders', { count: board.period.unknownCustomerOrders }))}</p>`
        : '';
    return `<section><h2>${escapeHtml(t('report.kpis'))}</h2>
<table class="kpis"><thead><tr><th>${escapeHtml(t('report.kpi.figure'))}</th><th class="num">${escapeHtml(t('report.kpi.value'))}</th><th class="num">${escapeHtml(t('report.kpi.previous'))}</th><th class="num">${escapeHtml(t('report.kpi.change'))}</th></tr></thead>
<tbody>${rows}</tbody></table>${unknown}</section>`;
  };

  const charts = () => {
    const drawn = input.charts.filter((c) => /^<svg[\s>]/.test(c.svg));
    const figures = drawn
      .map((chart) => {
        const legend = chart.legend
          .map(
            (item) =>
              `<span>${COLOUR.test(item.color) ? `<i style="background:${item.color}"></i>` : ''}${escapeHtml(item.label)}</span>`,
          )
          .join('');
        return `<figure class="chart"><figcaption>${escapeHtml(chart.title)}</figcaption>${legend ? `<div class="legend">${legend}</div>` : ''}${chart.svg}</figure>`;
      })
      .join('');
    return `<section><h2>${escapeHtml(t('report.charts'))}</h2>${figures || `<p class="soft">${escapeHtml(t('report.noChart'))}</p>`}<p class="note">${escapeHtml(t('kpi.def.series'))}</p></section>`;
  };

  const top = () => {
    const rows = board.topCustomers
      .map(
        (c, i) =>
          `<tr><td class="num">${escapeHtml(format.count(i + 1))}</td><th scope="row">${escapeHtml(c.name)}</th><td class="num">${escapeHtml(format.money(c.revenueMinor))}</td><td class="num">${escapeHtml(format.count(c.orders))}</td></tr>`,
      )
      .join('');
    return `<h2>${escapeHtml(t('dashboard.top'))}</h2>
${
  rows
    ? `<table class="top"><thead><tr><th class="num">${escapeHtml(t('report.rank'))}</th><th>${escapeHtml(t('dashboard.top.name'))}</th><th class="num">${escapeHtml(t('dashboard.top.revenue'))}</th><th class="num">${escapeHtml(t('dashboard.top.orders'))}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="soft">${escapeHtml(t('report.empty'))}</p>`
}
<p class="note">${escapeHtml(t('kpi.def.topCustomers'))}</p>`;
  };

  const rfm = () => {
    const scores = [1, 2, 3, 4, 5];
    const groupAt = (r: number, f: number) =>
      RFM_GROUPS.find((g) => {
        const {
          r: [rLow, rHigh],
          f: [fLow, fHigh],
        } = RFM_GRID[g];
        return r >= rLow && r <= rHigh && f >= fLow && f <= fHigh;
      })!;
    const grid = `<table class="rfm-grid"><thead><tr><th>R \\ F</th>${scores.map((f) => `<th>F${f}</th>`).join('')}</tr></thead><tbody>${[
      ...scores,
    ]
      .reverse()
      .map(
        (r) =>
          `<tr><th>R${r}</th>${scores
            .map(
              (f) =>
                `<td class="rfm-${groupAt(r, f)}">${escapeHtml(format.count(board.rfm.grid[r - 1]?.[f - 1] ?? 0))}</td>`,
            )
            .join('')}</tr>`,
      )
      .join('')}</tbody></table>`;
    const groups = `<table class="rfm-groups"><thead><tr><th>${escapeHtml(t('dashboard.rfm.group'))}</th><th class="num">${escapeHtml(t('dashboard.rfm.count'))}</th><th class="num">${escapeHtml(t('dashboard.rfm.revenue'))}</th><th>${escapeHtml(t('report.definition'))}</th></tr></thead><tbody>${RFM_GROUPS.map(
      (g) => {
        const { count, revenueMinor } = board.rfm.groups[g];
        return `<tr><th scope="row"><span class="swatch rfm-${g}"></span>${escapeHtml(t(`rfm.${g}`))}</th><td class="num">${escapeHtml(format.count(count))}</td><td class="num">${escapeHtml(format.money(revenueMinor))}</td><td class="definition">${escapeHtml(t(`rfm.def.${g}`))}</td></tr>`;
      },
    ).join('')}</tbody></table>`;
    return `<h2>${escapeHtml(t('dashboard.rfm'))}</h2>
${grid}${groups}
<p class="note">${escapeHtml(t('kpi.def.rfm'))}</p>`;
  };

  const cohorts = () => {
    const width = Math.max(0, ...board.cohorts.map((c) => c.retention.length));
    const head = Array.from(
      { length: width },
      (_, k) => `<th>${escapeHtml(t('dashboard.cohorts.after', { count: k }))}</th>`,
    ).join('');
    const rows = board.cohorts
      .map((row) => {
        const cells = Array.from({ length: width }, (_, k) => {
          const share = row.retention[k];
          if (share === undefined || share === null) return '<td></td>';
          const alpha = (0.06 + share * 0.58).toFixed(3);
          return `<td style="background:rgba(29,92,77,${alpha})">${escapeHtml(format.percent(share))}</td>`;
        }).join('');
        return `<tr><th scope="row">${escapeHtml(format.month(row.month))}</th><td>${escapeHtml(format.count(row.size))}</td>${cells}</tr>`;
      })
      .join('');
    return `<section><h2>${escapeHtml(t('dashboard.cohorts'))}</h2>
${
  rows
    ? `<table class="cohorts"><thead><tr><th>${escapeHtml(t('dashboard.cohorts.month'))}</th><th>${escapeHtml(t('dashboard.cohorts.size'))}</th>${head}</tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="soft">${escapeHtml(t('report.empty'))}</p>`
}
<p class="note">${escapeHtml(t('kpi.def.retention'))}</p></section>`;
  };

  const heading = [title, input.business, period].filter(Boolean).join(' · ');
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(heading)}</title>
<style>${reportCss(`${title} · ${period}`)}</style>
</head>
<body>
${cover()}
${kpis()}
${charts()}
<section>${top()}<div class="rfm">${rfm()}</div></section>
${cohorts()}
</body>
</html>
`;
}
