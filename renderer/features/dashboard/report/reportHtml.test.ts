import { describe, expect, it } from 'vitest';
import { translate, type Language } from '../../../i18n/translate';
import { dashboardFormats } from '../components/formats';
import { escapeHtml, reportHtml, type ReportInput } from './reportHtml';
import { cssString } from './reportStyles';
import { day, testBoard } from './testBoard';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" class="recharts-surface" viewBox="0 0 600 240" width="600" height="240"><rect x="10" y="20" width="30" height="200" fill="#1d5c4d"></rect><text x="5" y="235">Nov 26</text></svg>';

function input(language: Language, over: Partial<ReportInput> = {}): ReportInput {
  return {
    board: testBoard(),
    query: {
      from: day(2026, 11, 1),
      to: day(2026, 12, 1),
      bucket: 'day',
      compare: 'previous',
      channel: 'Website"><script>alert(1)</script>',
      city: 'Lyon & <b>Co</b>',
    },
    segmentName: '<svg onload=alert(1)>VIP',
    business: 'Boutique <Rue> & Cie',
    language,
    t: (key, params) => translate(language, key, params),
    format: dashboardFormats(language, 'EUR'),
    generatedAt: new Date(2026, 11, 2, 9, 30).getTime(),
    charts: [
      {
        title: 'Revenue and orders',
        svg: SVG,
        legend: [
          { label: 'Revenue', color: 'rgb(29, 92, 77)' },
          { label: 'Orders <i>', color: 'red;background:url(https://x.example/)' },
        ],
      },
      { title: 'Not a chart', svg: '<img src=x onerror=alert(1)>', legend: [] },
    ],
    ...over,
  };
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** Text as the page shows it: runs of spaces (Intl's narrow no-break ones too) as one space. */
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

describe('reportHtml', () => {
  it('is one self-contained A4 document: no script, nothing fetched, page breaks between sections', () => {
    const html = reportHtml(input('en'));
    const doc = parse(html);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('[src], [href], link, iframe, object, embed')).toHaveLength(0);
    expect(html).not.toMatch(/url\(|@import|<script/i);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toContain("default-src 'none'");
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toContain('size: A4');
    expect(css).toContain('section + section { break-before: page; }');
    expect(doc.documentElement.lang).toBe('en');
  });

  it('has the cover, key figures, charts, top customers with RFM, and cohorts', () => {
    const doc = parse(reportHtml(input('en')));
    const sections = Array.from(doc.querySelectorAll('body > section'));
    expect(sections).toHaveLength(5);
    expect(text(doc.querySelector('.cover h1'))).toBe('Customer report');
    expect(Array.from(doc.querySelectorAll('h2')).map(text)).toEqual([
      'Key figures',
      'Over time',
      'Top customers of the period',
      'Customers by recency and frequency (RFM)',
      'Retention by month of first order',
    ]);
    const cover = sections[0]!;
    expect(text(cover.querySelector('.period'))).toBe('Nov 1, 2026 to Nov 30, 2026');
    const details = Object.fromEntries(
      Array.from(cover.querySelectorAll('dt')).map((dt) => [text(dt), text(dt.nextElementSibling)]),
    );
    expect(details).toMatchObject({
      Period: 'Nov 1, 2026 to Nov 30, 2026',
      By: 'Day',
      'Compared with': 'The previous period (Oct 1, 2026 to Oct 31, 2026)',
    });
    expect(text(cover.querySelector('.generated'))).toMatch(/^Generated on Dec 2, 2026, 9:30/);
    // Every KPI with its definition, the compared value and the change.
    const revenue = doc.querySelector('.kpis tbody tr')!;
    expect(text(revenue.querySelector('strong'))).toBe('Revenue');
    expect(text(revenue.querySelector('.definition'))).toMatch(/orders minus its refunds/);
    expect(Array.from(revenue.querySelectorAll('td.num')).map(text)).toEqual([
      '€1,234,567.89',
      '€1,000,000.00',
      '+23.5% +€234,567.89',
    ]);
    expect(revenue.querySelector('.change')?.classList.contains('good')).toBe(true);
    expect(doc.querySelectorAll('.kpis tbody tr')).toHaveLength(15);
    expect(text(doc.querySelector('.note'))).toMatch(/^2 orders of the period have no customer/);
    // The chart as drawn, its legend; what is not an svg is left out.
    expect(doc.querySelectorAll('figure.chart')).toHaveLength(1);
    expect(doc.querySelectorAll('figure.chart svg rect')).toHaveLength(1);
    expect(text(doc.querySelector('figcaption'))).toBe('Revenue and orders');
    expect(doc.querySelectorAll('.legend i')).toHaveLength(1);
    expect(doc.querySelector('.legend i')?.getAttribute('style')).toBe(
      'background:rgb(29, 92, 77)',
    );
    // Top customers, RFM grid and groups, cohorts.
    expect(doc.querySelectorAll('table.top tbody tr')).toHaveLength(3);
    expect(doc.querySelectorAll('.rfm-grid tbody td')).toHaveLength(25);
    expect(text(doc.querySelector('.rfm-grid tbody tr:first-child td:last-child'))).toBe('1,234');
    expect(doc.querySelectorAll('.rfm-groups tbody tr')).toHaveLength(11);
    expect(Array.from(doc.querySelectorAll('.cohorts tbody tr:first-child td')).map(text)).toEqual([
      '12',
      '100%',
      '50%',
    ]);
  });

  it('writes numbers and dates in French', () => {
    const doc = parse(reportHtml(input('fr')));
    expect(doc.documentElement.lang).toBe('fr');
    expect(text(doc.querySelector('.cover h1'))).toBe('Rapport clients');
    expect(text(doc.querySelector('.cover .period'))).toBe('du 1 nov. 2026 au 30 nov. 2026');
    const revenue = doc.querySelector('.kpis tbody tr')!;
    expect(text(revenue.querySelector('strong'))).toBe('Chiffre d’affaires');
    expect(Array.from(revenue.querySelectorAll('td.num')).map(text)).toEqual([
      '1 234 567,89 €',
      '1 000 000,00 €',
      '+23,5 % +234 567,89 €',
    ]);
    expect(text(doc.querySelector('.rfm-grid tbody tr:first-child td:last-child'))).toBe('1 234');
    expect(text(doc.querySelector('.generated'))).toMatch(/^Généré le 2 déc\. 2026/);
    expect(text(doc.querySelector('.cohorts tbody tr td:nth-of-type(2)'))).toBe('100 %');
  });

  it('prints every text from the data as text, never as markup', () => {
    const html = reportHtml(input('en'));
    const doc = parse(html);
    expect(doc.querySelectorAll('img, script, b, i:not(.legend i)')).toHaveLength(0);
    expect(doc.querySelectorAll('svg')).toHaveLength(1);
    expect(Array.from(doc.querySelectorAll('*')).some((el) => el.hasAttribute('onerror'))).toBe(
      false,
    );
    expect(text(doc.querySelector('table.top tbody th'))).toBe('<img src=x onerror=alert(1)>');
    expect(text(doc.querySelector('table.top tbody tr:nth-child(2) th'))).toBe(
      'Éloïse & Fils "Vélos"',
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const cover = doc.querySelector('.cover')!;
    expect(text(cover.querySelector('.business'))).toBe('Boutique <Rue> & Cie');
    const details = Array.from(cover.querySelectorAll('dd')).map(text);
    expect(details).toContain('<svg onload=alert(1)>VIP');
    expect(details).toContain('Website"><script>alert(1)</script>');
    expect(details).toContain('Lyon & <b>Co</b>');
    expect(text(doc.querySelector('title'))).toBe(
      'Customer report · Boutique <Rue> & Cie · Nov 1, 2026 to Nov 30, 2026',
    );
    expect(text(doc.querySelectorAll('.legend span')[1])).toBe('Orders <i>');
  });

  it('says so when a section has nothing, and leaves the business out when there is none', () => {
    const board = { ...testBoard(), topCustomers: [], cohorts: [], comparison: null };
    const doc = parse(reportHtml(input('en', { board, business: null, charts: [] })));
    expect(doc.querySelector('.business')).toBeNull();
    expect(doc.querySelector('table.top')).toBeNull();
    expect(doc.querySelector('table.cohorts')).toBeNull();
    expect(Array.from(doc.querySelectorAll('p.soft')).map(text)).toEqual([
      'The charts were not on screen when the report was made.',
      'Nothing in this period.',
      'Nothing in this period.',
    ]);
    const revenue = doc.querySelector('.kpis tbody tr')!;
    expect(Array.from(revenue.querySelectorAll('td.num')).map(text)).toEqual([
      '€1,234,567.89',
      '—',
      '—',
    ]);
  });
});

describe('escaping helpers', () => {
  it('escapes HTML text and attribute characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('writes a CSS string nothing can break out of', () => {
    expect(cssString('a"b\\c</style>\nd')).toBe('"a\\22 b\\5c c\\3c /style\\3e \\a d"');
  });
});
