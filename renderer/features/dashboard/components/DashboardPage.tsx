import { cloneElement, useEffect, useId, useMemo, useState, type ReactElement } from 'react';
import { useStore } from 'zustand';
import type {
  KpiDashboard,
  KpiDashboardQuery,
  KpiDrill,
  KpiPick,
} from '../../../../shared/contract/kpi';
import type { KpiBucket, KpiCompare } from '../../../../shared/kpi/kpiTypes';
import type { SegmentSummary } from '../../../../shared/segments/savedSegment';
import { benchMark } from '../../../app/benchMark';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { formatDate } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';
import { ReportPackButton } from '../report/ReportPackButton';
import { useDashboardFilters } from '../stores/dashboardFilters';
import { PERIOD_PRESETS, presetPeriod, type PeriodPreset } from '../utils/periods';
import { CohortTable } from './CohortTable';
import { SegmentSizes } from './SegmentSizes';
import { dashboardFormats } from './formats';
import { KpiCards } from './KpiCards';
import { RfmPanel } from './RfmPanel';
import { SalesCharts } from './SalesCharts';
import { TopCustomers } from './TopCustomers';

/** One filter: its label tied to its control (the label does not wrap the options' text). */
function Filter({ label, children }: { label: string; children: ReactElement<{ id?: string }> }) {
  const id = useId();
  return (
    <div className="dashboard-filter">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}

/** User Timing marks around one dashboard refresh (the bench's kpi_dashboard_ms). */
export const DASHBOARD_MARKS = {
  asked: 'comptoir:kpi-asked',
  shown: 'comptoir:kpi-shown',
} as const;

const BUCKETS: readonly KpiBucket[] = ['day', 'week', 'month'];

export interface DashboardPageProps {
  /** Opens the customer list on the customers behind a figure. */
  onShowCustomers(drill: KpiDrill): void;
  /** Opens the customer list on a saved segment's members. */
  onShowSegment(segment: SegmentSummary): void;
  /** Opens a customer's record. */
  onOpenCustomer(id: string): void;
}

/**
 * The owner's dashboard: the period's figures against another period, sales and customers
 * over time, retention by cohort, the RFM groups and the best customers, for everyone or a
 * saved segment, a channel or a city. Every change of filter recomputes it all in the store.
 */
export function DashboardPage({
  onShowCustomers,
  onShowSegment,
  onOpenCustomer,
}: DashboardPageProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { core, fileSettings } = useServices();
  const currency = useStore(fileSettings, (s) => s.settings.currency);
  const kpiSettings = useStore(fileSettings, (s) => s.settings.kpi);
  const format = useMemo(() => dashboardFormats(language, currency), [language, currency]);
  const { preset, bucket, compare, segment, channel, city, change } = useDashboardFilters();
  const [segments, setSegments] = useState<SegmentSummary[]>([]);
  // The board with the query it answers: a drill-down asks for the customers it counted.
  const [shown, setShown] = useState<{ board: KpiDashboard; query: KpiDashboardQuery } | null>(
    null,
  );
  const board = shown?.board ?? null;
  const see = (pick: KpiPick) => shown && onShowCustomers({ query: shown.query, pick });
  const [error, setError] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  // Today as of opening the dashboard: its periods stay put while it is open.
  const [openedAt] = useState(() => Date.now());
  const period = useMemo(() => presetPeriod(preset, openedAt), [preset, openedAt]);
  const query = useMemo(
    (): KpiDashboardQuery => ({
      from: period.from,
      to: period.to,
      bucket,
      compare: compare === 'none' ? null : compare,
      segment: segment || null,
      channel: channel || null,
      city: city.trim() || null,
      settings: kpiSettings,
    }),
    [period, bucket, compare, segment, channel, city, kpiSettings],
  );

  useEffect(() => {
    core.send('segments.list', {}).then(
      (list) => {
        setSegments(list);
        // A segment deleted since it was chosen: everyone again, not an error.
        const chosen = useDashboardFilters.getState().segment;
        if (chosen && !list.some((s) => s.id === chosen)) change({ segment: '' });
      },
      () => setSegments([]),
    );
    return core.on('customers.changed', () => setChanges((n) => n + 1));
  }, [core, change]);

  useEffect(() => {
    let current = true;
    // The filters (a city typed) pair a request with its answer in a bench build only.
    const asked = JSON.stringify({ preset, bucket, compare, segment, channel, city, changes });
    benchMark(DASHBOARD_MARKS.asked, asked);
    core.send('kpi.dashboard', query).then(
      (next) => {
        if (!current) return;
        benchMark(DASHBOARD_MARKS.shown, asked);
        setShown({ board: next, query });
        setError(null);
      },
      (e: unknown) => current && setError(errorText(e, t)),
    );
    return () => {
      current = false;
    };
  }, [core, t, query, preset, bucket, compare, segment, channel, city, changes]);

  const last = new Date(period.to - 1).getTime();
  return (
    <main className="dashboard-page" aria-labelledby="dashboard-title">
      <ReportPackButton
        board={board}
        filters={{ from: period.from, to: period.to, bucket, compare, segment, channel, city }}
        segments={segments}
      />
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      <p className="hint">{t('dashboard.intro')}</p>
      <form
        className="dashboard-filters"
        aria-label={t('dashboard.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Filter label={t('dashboard.period')}>
          <select
            value={preset}
            onChange={(e) => {
              const next = e.target.value as PeriodPreset;
              change({ preset: next, bucket: presetPeriod(next, openedAt).bucket });
            }}
          >
            {PERIOD_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`dashboard.period.${p}`)}
              </option>
            ))}
          </select>
        </Filter>
        <Filter label={t('dashboard.bucket')}>
          <select value={bucket} onChange={(e) => change({ bucket: e.target.value as KpiBucket })}>
            {BUCKETS.map((b) => (
              <option key={b} value={b}>
                {t(`dashboard.bucket.${b}`)}
              </option>
            ))}
          </select>
        </Filter>
        <Filter label={t('dashboard.compare')}>
          <select
            value={compare}
            onChange={(e) => change({ compare: e.target.value as KpiCompare | 'none' })}
          >
            {(['none', 'previous', 'lastYear'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`dashboard.compare.${c}`)}
              </option>
            ))}
          </select>
        </Filter>
        <Filter label={t('dashboard.segment')}>
          <select value={segment} onChange={(e) => change({ segment: e.target.value })}>
            <option value="">{t('dashboard.segment.all')}</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Filter>
        <Filter label={t('dashboard.channel')}>
          <select value={channel} onChange={(e) => change({ channel: e.target.value })}>
            <option value="">{t('dashboard.channel.all')}</option>
            {(board?.channels ?? []).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Filter>
        <Filter label={t('dashboard.city')}>
          <input type="search" value={city} onChange={(e) => change({ city: e.target.value })} />
        </Filter>
      </form>
      <p className="dashboard-range">
        {t('dashboard.range', {
          from: formatDate(language, period.from),
          to: formatDate(language, last),
        })}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!board ? (
        <p className="hint" role="status">
          {t('dashboard.loading')}
        </p>
      ) : (
        <>
          <KpiCards board={board} format={format} onSeeInactive={() => see({ kind: 'inactive' })} />
          {board.period.unknownCustomerOrders > 0 && (
            <p className="hint">
              {t('dashboard.unknownOrders', { count: board.period.unknownCustomerOrders })}
            </p>
          )}
          <SalesCharts board={board} bucket={bucket} format={format} onSee={see} />
          <div className="dashboard-row">
            <RfmPanel
              board={board}
              format={format}
              onSee={(group) => see({ kind: 'rfm', group })}
            />
            <TopCustomers board={board} format={format} onOpen={onOpenCustomer} />
          </div>
          <CohortTable board={board} format={format} onSee={see} />
          <SegmentSizes segments={segments} format={format} onShowSegment={onShowSegment} />
        </>
      )}
    </main>
  );
}
