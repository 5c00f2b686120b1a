import { useStore } from 'zustand';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';

/** Until the user proves they kept a recovery key, say what is at stake and offer a new one. */
export function RecoveryKeyReminder({ onMakeNew }: { onMakeNew(): void }) {
  const t = useT();
  const { vault } = useServices();
  const saved = useStore(vault, (s) => s.status?.recoveryKeySaved ?? true);
  if (saved) return null;
  return (
    <div className="banner-warning" role="status">
      <span>{t('vault.recoveryReminder')}</span>
      <button type="button" className="button-secondary" onClick={onMakeNew}>
        {t('security.recoveryNew')}
      </button>
    </div>
  );
}
