import { useEffect, useState } from 'react';
import type { KeptBackup } from '../../../../shared/contract/vault';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useToastStore } from '../../../components/toastStore';
import { formatDateTime } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';

/**
 * The backups a restore kept of the file it replaced: saved as a file, one undoes that restore
 * (restored like any backup, with the passphrase the replaced file had). Shown only if any.
 */
export function KeptBeforeRestore() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { host } = useServices();
  const showToast = useToastStore((s) => s.show);
  const [kept, setKept] = useState<KeptBackup[]>([]);
  const [saving, setSaving] = useState<string | null>(null);

  useEffect(() => {
    host.send('vault.keptBackups', {}).then(
      (listed) => setKept(listed.kept),
      () => setKept([]),
    );
  }, [host]);

  const save = async (name: string) => {
    setSaving(name);
    try {
      const { bytes } = await host.send('vault.keptBackup', { name });
      const { saved } = await host.send('host.saveFile', {
        name,
        mime: 'application/octet-stream',
        bytes,
      });
      if (saved) showToast(t('backup.kept.saved'));
    } catch (e) {
      showToast(errorText(e, t), 'error');
    } finally {
      setSaving(null);
    }
  };

  if (kept.length === 0) return null;
  return (
    <section className="security-section" aria-labelledby="kept-before-restore">
      <h3 id="kept-before-restore">{t('backup.kept.title')}</h3>
      <p className="field-hint">{t('backup.kept.body')}</p>
      <ul className="kept-backups">
        {kept.map((k) => (
          <li key={k.name}>
            <span>
              {t('backup.kept.item', {
                date: formatDateTime(language, k.keptAt),
                count: k.records.customers ?? 0,
              })}
            </span>
            <button
              type="button"
              className="button-secondary"
              disabled={saving !== null}
              aria-label={`${t('backup.kept.save')} ${formatDateTime(language, k.keptAt)}`}
              onClick={() => void save(k.name)}
            >
              {saving === k.name ? t('backup.now.saving') : t('backup.kept.save')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
