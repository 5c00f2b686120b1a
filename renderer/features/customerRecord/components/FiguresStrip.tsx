import { averageBasketMinor, type CustomerFigures } from '../../../../shared/domain/figures';
import { formatDate, formatMoney, formatNumber } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';

export interface FiguresStripProps {
  figures: CustomerFigures;
  currency: string;
}

/** The customer's figures at a glance, kept current by the store on every write. */
export function FiguresStrip({ figures, currency }: FiguresStripProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const average = averageBasketMinor(figures);
  const date = (at: number | null) => (at === null ? '—' : formatDate(language, at));
  const items = [
    { label: t('figures.orderCount'), value: formatNumber(language, figures.orderCount) },
    {
      label: t('figures.totalSpent'),
      value: formatMoney(language, figures.totalSpentMinor, currency),
    },
    {
      label: t('figures.averageBasket'),
      value: average === null ? '—' : formatMoney(language, average, currency),
    },
    { label: t('figures.firstPurchase'), value: date(figures.firstPurchaseAt) },
    { label: t('figures.lastPurchase'), value: date(figures.lastPurchaseAt) },
    { label: t('figures.lastInteraction'), value: date(figures.lastInteractionAt) },
  ];
  return (
    <dl className="figures" aria-label={t('figures.title')}>
      {items.map((item) => (
        <div key={item.label} className="figure">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
