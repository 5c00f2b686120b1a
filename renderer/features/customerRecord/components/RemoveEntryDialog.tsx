import { useState } from 'react';
import type { TimelineEntry } from '../../../../shared/domain/timeline';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { Dialog } from '../../../components/Dialog';
import { useToastStore } from '../../../components/toastStore';
import { formatDateTime, formatMoney } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';

export interface RemoveEntryDialogProps {
  entry: Extract<TimelineEntry, { kind: 'purchase' | 'interaction' }>;
  onClose(): void;
}

/** Removes a purchase or an interaction recorded by mistake; the figures follow. Keep has the focus. */
export function RemoveEntryDialog({ entry, onClose }: RemoveEntryDialogProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { core } = useServices();
  const showToast = useToastStore((s) => s.show);
  const [busy, setBusy] = useState(false);
  const when = formatDateTime(language, entry.at);

  const confirm = async () => {
    setBusy(true);
    try {
      if (entry.kind === 'purchase') await core.send('purchases.delete', { id: entry.purchase.id });
      else await core.send('interactions.delete', { id: entry.interaction.id });
      showToast(t('timeline.removed'));
      onClose();
    } catch (error) {
      showToast(errorText(error, t), 'error');
      setBusy(false);
    }
  };

  return (
    <Dialog
      role="alertdialog"
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
      onClose={onClose}
    >
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={onClose} autoFocus>
          {t('delete.cancel')}
        </button>
        <button type="button" className="button-danger" onClick={confirm} disabled={busy}>
          {t('timeline.remove')}
        </button>
      </div>
    </Dialog>
  );
}
