import type { KpiDrill } from '../../../../shared/contract/kpi';
import { formatDate } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';

export interface KpiDrillChipProps {
  drill: KpiDrill;
  onClear(): void;
}

/** The customer list's chip for a dashboard figure: which one, its period on hover, a clear. */
export function KpiDrillChip({ drill: { query, pick }, onClear }: KpiDrillChipProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  return (
    <span
      className="chip chip-on segment-chip"
      title={t('dashboard.drill.chipTitle', {
        from: formatDate(language, query.from),
        to: formatDate(language, query.to - 1),
      })}
    >
      {pick.kind === 'rfm'
        ? t('dashboard.drill.chipRfm', { group: t(`rfm.${pick.group}`) })
        : t('dashboard.drill.chipInactive')}
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
