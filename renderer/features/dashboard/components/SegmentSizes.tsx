import type { SegmentSummary } from '../../../../shared/segments/savedSegment';
import { useT } from '../../../i18n/useT';
import { SizeHistory } from '../../segments/components/SizeHistory';
import { sizeBefore } from '../utils/sizeBefore';
import type { Formats } from './formats';

/** How far back "change" looks: a month of daily sizes. */
const CHANGE_DAYS = 30;

/**
 * Every saved segment's size today (whatever the dashboard's period), its change over the last
 * month, and its size day by day; the name opens the members as the customer list.
 */
export function SegmentSizes({
  segments,
  format,
  onShowSegment,
}: {
  segments: SegmentSummary[];
  format: Formats;
  onShowSegment(segment: SegmentSummary): void;
}) {
  const t = useT();
  return (
    <section className="dashboard-panel segment-sizes" title={t('dashboard.segments.hint')}>
      <h2>{t('dashboard.segments')}</h2>
      {segments.length === 0 ? (
        <p className="hint">{t('dashboard.segments.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.segments.name')}</th>
              <th scope="col">{t('dashboard.segments.size')}</th>
              <th scope="col">{t('dashboard.segments.change')}</th>
              <th scope="col">{t('segments.history')}</th>
            </tr>
          </thead>
          <tbody>
            {segments.map((segment) => {
              const before = sizeBefore(segment.sizes, CHANGE_DAYS);
              const change =
                segment.size === null || before === null ? null : segment.size - before;
              return (
                <tr key={segment.id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="cell-button"
                      aria-label={t('dashboard.segments.open', { name: segment.name })}
                      onClick={() => onShowSegment(segment)}
                    >
                      {segment.name}
                    </button>
                  </th>
                  <td>
                    {segment.size === null ? (
                      <span title={segment.problem ?? ''}>—</span>
                    ) : (
                      format.count(segment.size)
                    )}
                  </td>
                  <td>
                    {change === null
                      ? '—'
                      : change === 0
                        ? t('dashboard.segments.same')
                        : `${change > 0 ? '+' : '−'}${format.count(Math.abs(change))}`}
                  </td>
                  <td className="segment-sizes-chart">
                    <SizeHistory sizes={segment.sizes} label={t('segments.history')} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
