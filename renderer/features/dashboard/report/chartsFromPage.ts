import type { ReportChart } from './reportHtml';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What a chart never needs on paper, and what could run or fetch something. */
const DROPPED =
  'script, foreignObject, image, use, a, style, iframe, .recharts-tooltip-cursor, .recharts-active-dot';

/**
 * A copy of a chart's svg fit for the report: sized by a viewBox so it scales to the page's
 * width, without event handlers, links, scripts or the hover state it may be in.
 */
export function printableSvg(svg: SVGSVGElement): string {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || Math.round(box.width);
  const height = Number(svg.getAttribute('height')) || Math.round(box.height);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.querySelectorAll(DROPPED).forEach((node) => node.remove());
  for (const node of [copy, ...Array.from(copy.querySelectorAll('*'))]) {
    for (const { name } of Array.from(node.attributes)) {
      if (/^on|href$|^tabindex$/i.test(name)) node.removeAttribute(name);
    }
  }
  // The page's own sizing (width: 100%) would beat the report's.
  copy.removeAttribute('style');
  copy.setAttribute('xmlns', SVG_NS);
  if (width > 0 && height > 0) {
    copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
  }
  return copy.outerHTML;
}

/**
 * The charts drawn on the dashboard right now, in their order: each panel's title, its legend
 * (Recharts draws it in HTML beside the svg) and its svg.
 */
export function chartsFromPage(root: ParentNode): ReportChart[] {
  return Array.from(root.querySelectorAll('.dashboard-charts .dashboard-panel')).flatMap(
    (panel) => {
      const svg = panel.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
      if (!svg) return [];
      const legend = Array.from(panel.querySelectorAll('.recharts-legend-item')).map((item) => {
        const text = item.querySelector<HTMLElement>('.recharts-legend-item-text');
        const icon = item.querySelector('svg path, svg rect');
        return {
          label: (text?.textContent ?? '').trim(),
          color: text?.style.color || icon?.getAttribute('fill') || '',
        };
      });
      return [
        {
          title: (panel.querySelector('h2')?.textContent ?? '').trim(),
          svg: printableSvg(svg),
          legend,
        },
      ];
    },
  );
}
