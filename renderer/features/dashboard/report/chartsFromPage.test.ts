import { describe, expect, it } from 'vitest';
import { chartsFromPage } from './chartsFromPage';

/** A panel as SalesCharts draws it: title, Recharts' wrapper with its svg, the HTML legend. */
const PANEL = `
<div class="dashboard-charts">
  <section class="dashboard-panel">
    <h2>Revenue and orders</h2>
    <div class="recharts-responsive-container">
      <div class="recharts-wrapper">
        <svg class="recharts-surface" width="600" height="240" style="width: 100%; height: 100%" tabindex="0" onclick="alert(1)">
          <script>alert(1)</script>
          <foreignObject><div>html</div></foreignObject>
          <a href="https://example.com/"><text>link</text></a>
          <g class="recharts-layer recharts-bar"><path class="recharts-rectangle" d="M0,0h10v10z" fill="#1d5c4d" onmouseover="alert(1)"></path></g>
          <path class="recharts-tooltip-cursor" d="M1,1"></path>
          <text x="5" y="235">Nov 26</text>
        </svg>
        <div class="recharts-legend-wrapper">
          <ul class="recharts-default-legend">
            <li class="recharts-legend-item"><svg class="recharts-surface" width="14" height="14"><path fill="#c2703d" d="M0,0"></path></svg><span class="recharts-legend-item-text" style="color: rgb(194, 112, 61)">Orders</span></li>
            <li class="recharts-legend-item"><svg class="recharts-surface" width="14" height="14"><path fill="#1d5c4d" d="M0,0"></path></svg><span class="recharts-legend-item-text">Revenue</span></li>
          </ul>
        </div>
      </div>
    </div>
  </section>
  <section class="dashboard-panel"><h2>No chart yet</h2></section>
</div>`;

describe('chartsFromPage', () => {
  document.body.innerHTML = PANEL;
  const charts = chartsFromPage(document);

  it('takes each drawn chart with its title and legend, not the legend’s icons', () => {
    expect(charts).toHaveLength(1);
    expect(charts[0]!.title).toBe('Revenue and orders');
    expect(charts[0]!.legend).toEqual([
      { label: 'Orders', color: 'rgb(194, 112, 61)' },
      { label: 'Revenue', color: '#1d5c4d' },
    ]);
  });

  it('keeps the drawing, scaled by a viewBox, without anything that runs, links or hovers', () => {
    const svg = charts[0]!.svg;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('viewBox="0 0 600 240"');
    expect(svg).toContain('class="recharts-rectangle"');
    expect(svg).toContain('Nov 26');
    expect(svg).not.toMatch(
      /script|foreignObject|href|onclick|onmouseover|tabindex|style=|tooltip-cursor/i,
    );
    // The page's own chart is left as it was.
    expect(document.querySelector('.recharts-wrapper svg')?.getAttribute('onclick')).toBe(
      'alert(1)',
    );
  });
});
