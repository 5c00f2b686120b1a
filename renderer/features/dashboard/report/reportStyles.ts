import { RFM_GROUPS, type RfmGroup } from '../../../../shared/kpi/kpiTypes';

/** The RFM groups' colours, as the dashboard's panel shows them (dashboard.css). */
export const RFM_COLOURS: Readonly<Record<RfmGroup, string>> = {
  champions: '#b7e1cd',
  loyal: '#cfe8dc',
  potentialLoyalists: '#dcefe4',
  newCustomers: '#d6e6f5',
  promising: '#e4eef8',
  needAttention: '#fbeec9',
  aboutToSleep: '#f8e3c3',
  atRisk: '#f6d2bf',
  cannotLose: '#f1bdb0',
  hibernating: '#e6e2dc',
  lost: '#d9d4cc',
};

/** A CSS string literal: nothing in it can end the string, the rule or the style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The report's print styles: A4 pages with a running footer (title, period, page number),
 * each section from a new page, rows and charts never split across two.
 */
export function reportCss(footer: string): string {
  const rfm = RFM_GROUPS.map((g) => `.rfm-${g}{background:${RFM_COLOURS[g]}}`).join('');
  return `
@page {
  size: A4;
  margin: 16mm 15mm 18mm;
  @bottom-left { content: ${cssString(footer)}; font: 8pt sans-serif; color: #57606a; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #57606a; }
}
@page :first {
  @bottom-left { content: none; }
  @bottom-right { content: none; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  color: #1f2328;
  font: 9.5pt/1.4 "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
}
h1, h2, h3 { margin: 0; line-height: 1.2; }
h2 { font-size: 15pt; margin-bottom: 4mm; color: #1d5c4d; }
h3 { font-size: 11pt; margin: 6mm 0 2mm; }
section + section { break-before: page; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.soft { color: #57606a; }
.note { color: #57606a; font-size: 8.5pt; margin: 2mm 0 0; }

.cover { display: flex; flex-direction: column; min-height: 255mm; }
.cover .brand { font-size: 10pt; letter-spacing: 0.08em; text-transform: uppercase; color: #1d5c4d; font-weight: 600; }
.cover h1 { font-size: 30pt; margin-top: 40mm; }
.cover .business { font-size: 16pt; margin-top: 4mm; }
.cover .period { font-size: 14pt; margin-top: 10mm; color: #1d5c4d; font-weight: 600; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 2mm 8mm; margin: 10mm 0 0; }
.cover dt { color: #57606a; }
.cover dd { margin: 0; }
.headline { display: grid; grid-template-columns: repeat(4, 1fr); gap: 4mm; margin-top: auto; }
.headline div { border-top: 2px solid #1d5c4d; padding-top: 2mm; }
.headline span { display: block; color: #57606a; font-size: 8.5pt; }
.headline strong { display: block; font-size: 13pt; font-variant-numeric: tabular-nums; }
.generated { margin-top: 8mm; color: #57606a; font-size: 8.5pt; }

table { width: 100%; border-collapse: collapse; }
th, td { padding: 1.6mm 2mm; vertical-align: top; }
thead th { text-align: left; font-size: 8.5pt; color: #57606a; font-weight: 600; border-bottom: 1.5px solid #1f2328; }
thead th.num { text-align: right; }
tbody tr { break-inside: avoid; }
tbody tr + tr { border-top: 0.5px solid #dcd9d2; }
tbody th { text-align: left; font-weight: 600; }
.kpis td.figure { width: 46%; }
.kpis .definition { display: block; font-weight: 400; color: #57606a; font-size: 7.5pt; line-height: 1.3; margin-top: 0.6mm; }
.kpis .detail td.figure { padding-left: 6mm; font-weight: 400; }
.good { color: #1a7f37; }
.bad { color: #b42318; }
.change small { display: block; color: #57606a; }

figure { margin: 0 0 8mm; break-inside: avoid; }
figcaption { font-size: 11pt; font-weight: 600; margin-bottom: 2mm; }
.chart svg { display: block; width: 100%; height: auto; overflow: visible; }
.chart text { font-family: inherit; }
.legend { display: flex; gap: 6mm; margin: 0 0 2mm; font-size: 8.5pt; }
.legend i { display: inline-block; width: 3mm; height: 3mm; border-radius: 0.6mm; margin-right: 1.5mm; vertical-align: -0.3mm; }

/* On the top customers' page when it fits there, else whole on the next. */
.rfm { break-inside: avoid; margin-top: 8mm; }
.top td, .top th, .rfm-groups td, .rfm-groups th { padding-top: 1mm; padding-bottom: 1mm; }
.rfm-grid { width: auto; border-collapse: separate; border-spacing: 0.8mm; margin: 0 0 6mm -0.8mm; }
.rfm-grid td { width: 12mm; height: 6.5mm; text-align: center; vertical-align: middle; font-variant-numeric: tabular-nums; }
.rfm-grid th { text-align: center; vertical-align: middle; font-size: 8.5pt; color: #57606a; }
.rfm-grid tbody tr + tr { border-top: 0; }
.swatch { display: inline-block; width: 2.6mm; height: 2.6mm; border-radius: 0.5mm; margin-right: 1.5mm; }
.rfm-groups th[scope='row'] { white-space: nowrap; }
.rfm-groups td.definition { font-size: 8pt; color: #57606a; padding-left: 6mm; }
${rfm}

.cohorts { table-layout: fixed; font-size: 7.5pt; }
.cohorts th, .cohorts td { padding: 1.2mm 0.6mm; text-align: center; white-space: nowrap; }
.cohorts thead th { text-align: center; vertical-align: bottom; }
.cohorts thead th:first-child, .cohorts tbody th { text-align: left; width: 18mm; white-space: normal; }
.cohorts thead th:nth-child(2) { width: 19mm; }
.cohorts tbody tr + tr { border-top: 0; }
`;
}
