import { useEffect, useState } from 'react';
import type { CustomerFigures } from '../../../../shared/domain/figures';
import type { RfmExplanation, RfmReason } from '../../../../shared/kpi/kpiTypes';
import { useServices } from '../../../app/services';
import { formatMoney, formatNumber } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';

export interface RfmWhyProps {
  customerId: string;
  /** Asked again when they move (a purchase added or removed). */
  figures: CustomerFigures;
  currency: string;
}

/**
 * The customer's RFM group as the dashboard counts it today, and why: each score with the
 * figure and the limit that gave it (the limits are the file's dashboard settings).
 */
export function RfmWhy({ customerId, figures, currency }: RfmWhyProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { core } = useServices();
  const [why, setWhy] = useState<RfmExplanation | null>(null);
  const { orderCount, totalSpentMinor, lastPurchaseAt } = figures;

  useEffect(() => {
    let current = true;
    core.send('kpi.rfmOf', { customerId }).then(
      (next) => current && setWhy(next),
      () => current && setWhy(null),
    );
    return () => {
      current = false;
    };
  }, [core, customerId, orderCount, totalSpentMinor, lastPurchaseAt]);

  if (!why || why.customerId !== customerId) return null;
  const money = (minor: number) => formatMoney(language, minor, currency);
  const number = (n: number) => formatNumber(language, n);
  const line = (letter: 'r' | 'f' | 'm', reason: RfmReason) =>
    t(
      (letter === 'r' && reason.value === 0
        ? 'rfmWhy.r.today'
        : `rfmWhy.${letter}.${reason.comparison}`) as MessageKey,
      {
        score: reason.score,
        count: reason.value,
        value: letter === 'm' ? money(reason.value) : number(reason.value),
        threshold: letter === 'm' ? money(reason.threshold) : number(reason.threshold),
      },
    );
  const group = t(`rfm.${why.group}` as MessageKey);
  return (
    <details className="rfm-why">
      <summary>
        <span className="rfm-why-label">{t('rfmWhy.title')}</span> <strong>{group}</strong>{' '}
        <span className="rfm-why-scores">
          R{why.r.score} · F{why.f.score} · M{why.m.score}
        </span>{' '}
        <span className="rfm-why-more">{t('rfmWhy.why')}</span>
      </summary>
      <p className="rfm-why-definition">{t(`rfm.def.${why.group}` as MessageKey)}</p>
      <ul>
        <li>{line('r', why.r)}</li>
        <li>{line('f', why.f)}</li>
        <li>{line('m', why.m)}</li>
      </ul>
      <p className="field-hint">{t('rfmWhy.settings')}</p>
    </details>
  );
}
