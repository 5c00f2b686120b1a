import type { TimelineEntry } from '../../../../shared/domain/timeline';
import { useServices } from '../../../app/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useToastStore } from '../../../components/toastStore';
import { formatDateTime, formatMoney } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';

export interface RemoveEntryDialogProps {
  entry: Extract<TimelineEntry, { kind: 'purchase' | 'interaction' }>;
  onClose(): void;
}

/** Removes a purchase or an interaction recorded by mistake; the figures follow. */
export function RemoveEntryDialog({ entry, onClose }: RemoveEntryDialogProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { core } = useServices();
  const showToast = useToastStore((s) => s.show);
  const when = formatDateTime(language, entry.at);
  return (
    <ConfirmDialog
      title={t(
        entry.kind === 'purchase'
          ? 'timeline.removePurchaseTitle'
          : 'timeline.removeInteractionTitle',
      )}
      description={
        entry.kind === 'purchase'
          ? t('timeline.removePurchaseBody', {
              total: formatMoney(language, entry.purchase.totalMinor, entry.purchase.currency),
              when,
            })
          : t('timeline.removeInteractionBody', { when })
      }
      confirmLabel={t('timeline.remove')}
      onClose={onClose}
      onConfirm={async () => {
        if (entry.kind === 'purchase')
          await core.send('purchases.delete', { id: entry.purchase.id });
        else await core.send('interactions.delete', { id: entry.interaction.id });
        showToast(t('timeline.removed'));
        onClose();
      }}
    />
  );
}
