import type { KpiBucket } from '../../../../shared/kpi/kpiTypes';
import type { MessageKey } from '../../../i18n/translate';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A bucket in words: "June 2026", "week of 1 Jun 2026", "3 Jun 2026". */
export function bucketName(
  language: string,
  t: Translate,
  start: number,
  bucket: KpiBucket,
): string {
  if (bucket === 'month')
    return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' }).format(start);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(start);
  return bucket === 'week' ? t('dashboard.drill.week', { date }) : date;
}

/** "in their first month", "2 months later": when a cohort cell's customers ordered. */
export function monthsLater(t: Translate, offset: number): string {
  return offset === 0
    ? t('dashboard.drill.firstMonth')
    : t('dashboard.drill.monthsLater', { count: offset });
}
