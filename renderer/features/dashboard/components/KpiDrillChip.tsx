import type { KpiDrill } from '../../../../shared/contract/kpi';
import { formatDate } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';
import { bucketName, monthsLater } from '../utils/bucketName';

export interface KpiDrillChipProps {
  drill: KpiDrill;
  onClear(): void;
}

/** The customer list's chip for a dashboard figure: which one, its period on hover, a clear. */
export function KpiDrillChip({ drill: { query, pick }, onClear }: KpiDrillChipProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const month = (at: number) => bucketName(language, t, at, 'month');
  const label =
    pick.kind === 'rfm'
      ? t('dashboard.drill.chipRfm', { group: t(`rfm.${pick.group}`) })
      : pick.kind === 'inactive'
        ? t('dashboard.drill.chipInactive')
        : pick.kind === 'bucket'
          ? t(
              pick.who === 'new'
                ? 'dashboard.drill.chipBucketNew'
                : pick.who === 'returning'
                  ? 'dashboard.drill.chipBucketReturning'
                  : 'dashboard.drill.chipBucket',
              { when: bucketName(language, t, pick.start, query.bucket) },
            )
          : pick.offset === null
            ? t('dashboard.drill.chipCohort', { month: month(pick.month) })
            : t('dashboard.drill.chipCohortCell', {
                month: month(pick.month),
                later: monthsLater(t, pick.offset),
              });
  return (
    <span
      className="chip chip-on segment-chip"
      title={t('dashboard.drill.chipTitle', {
        from: formatDate(language, query.from),
        to: formatDate(language, query.to - 1),
      })}
    >
      {label}
      <button
        type="button"
        className="icon-button"
        aria-label={t('dashboard.drill.chipClear')}
        title={t('dashboard.drill.chipClear')}
        onClick={onClear}
      >
        ×
      </button>
    </span>
  );
}
