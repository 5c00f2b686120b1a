import type { TimelineEntry } from '../../../../shared/domain/timeline';
import { useStore } from 'zustand';
import { useServices } from '../../../app/services';
import { Icon } from '../../../components/Icon';
import { lineTotalMinor } from '../../../../shared/domain/purchase';
import { formatDateTime, formatMoney, formatNumber } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { changeValue, fieldLabel } from '../utils/fieldLabels';

export interface TimelineProps {
  entries: TimelineEntry[];
  /** Asks to remove a purchase or an interaction recorded by mistake. */
  onRemove(entry: Extract<TimelineEntry, { kind: 'purchase' | 'interaction' }>): void;
}

/** Purchases, interactions, notes and changes of one customer, newest first. */
export function Timeline({ entries, onRemove }: TimelineProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { fileSettings } = useServices();
  const customFields = useStore(fileSettings, (s) => s.settings.customFields);
  return (
    <ol className="timeline" aria-label={t('timeline.title')}>
      {entries.map((entry) => (
        <li
          key={keyOf(entry)}
          className={`timeline-entry timeline-${entry.kind}`}
          data-testid={`timeline-${entry.kind}`}
        >
          <time className="timeline-time" dateTime={new Date(entry.at).toISOString()}>
            {formatDateTime(language, entry.at)}
          </time>
          {(entry.kind === 'purchase' || entry.kind === 'interaction') && (
            <button
              type="button"
              className="icon-button timeline-remove"
              aria-label={t(
                entry.kind === 'purchase'
                  ? 'timeline.removePurchase'
                  : 'timeline.removeInteraction',
                {
                  when: formatDateTime(language, entry.at),
                },
              )}
              title={t(
                entry.kind === 'purchase'
                  ? 'timeline.removePurchase'
                  : 'timeline.removeInteraction',
                {
                  when: formatDateTime(language, entry.at),
                },
              )}
              onClick={() => onRemove(entry)}
            >
              <Icon name="trash" />
            </button>
          )}
          {entry.kind === 'purchase' && (
            <div>
              <p className="timeline-title">
                {t('timeline.purchase', {
                  total: formatMoney(language, entry.purchase.totalMinor, entry.purchase.currency),
                })}
                {entry.purchase.channel && (
                  <span className="timeline-meta"> · {entry.purchase.channel}</span>
                )}
                {entry.purchase.orderId && (
                  <span className="timeline-meta"> · #{entry.purchase.orderId}</span>
                )}
              </p>
              <ul className="timeline-lines">
                {entry.purchase.lines.map((line, i) => (
                  <li key={i}>
                    {formatNumber(language, line.quantity)} × {line.product}
                    <span className="timeline-meta">
                      {' '}
                      {formatMoney(language, lineTotalMinor(line), entry.purchase.currency)}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {entry.kind === 'interaction' && (
            <div>
              <p className="timeline-title">
                {t(`interaction.kind.${entry.interaction.kind}` as MessageKey)}
                {entry.interaction.rating !== null && (
                  <span
                    className="timeline-meta"
                    aria-label={t('interaction.stars', { count: entry.interaction.rating })}
                  >
                    {' '}
                    {'★'.repeat(entry.interaction.rating)}
                    {'☆'.repeat(5 - entry.interaction.rating)}
                  </span>
                )}
                {entry.interaction.score !== null && (
                  <span className="timeline-meta">
                    {' '}
                    · {t('interaction.scoreShown', { score: entry.interaction.score })}
                  </span>
                )}
              </p>
              {entry.interaction.text && <p className="timeline-text">{entry.interaction.text}</p>}
            </div>
          )}
          {entry.kind === 'change' && (
            <div>
              <p className="timeline-title">{t('timeline.changed')}</p>
              <ul className="timeline-lines">
                {entry.change.fields.map((f) => (
                  <li key={f.field}>
                    <span className="timeline-field">{fieldLabel(f.field, t, customFields)}</span>{' '}
                    <span className="timeline-meta">{changeValue(f.field, f.from, t)}</span> →{' '}
                    {changeValue(f.field, f.to, t)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {entry.kind === 'created' && (
            <p className="timeline-title">
              {t('timeline.created', { source: t(`choice.source.${entry.source}` as MessageKey) })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function keyOf(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'purchase':
      return entry.purchase.id;
    case 'interaction':
      return entry.interaction.id;
    case 'change':
      return entry.change.id;
    case 'created':
      return 'created';
  }
}
