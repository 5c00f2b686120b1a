import { useState, type FormEvent } from 'react';
import type { PickedFile } from '../../../../shared/contract/host';
import { useStore } from 'zustand';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { RestoreBackupDialog, usePickBackup } from '../../backups/components/RestoreBackupDialog';
import { AuthCard } from './AuthCard';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';

/** First run: choose the passphrase that encrypts the file. */
export function CreateVaultScreen() {
  const t = useT();
  const { host, vault } = useServices();
  const created = useStore(vault, (s) => s.created);
  const next = useNewPassphrase();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A new laptop: the file can come from a backup instead of starting empty.
  const [backup, setBackup] = useState<PickedFile | null>(null);
  const pickBackup = usePickBackup(setBackup);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!next.ready()) return;
    setBusy(true);
    try {
      const { recoveryKey, report } = await host.send('vault.create', {
        passphrase: next.passphrase,
      });
      created(recoveryKey, report);
    } catch (e) {
      setError(errorText(e, t));
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('vault.createTitle')} body={t('vault.createBody')}>
      <form className="auth-form" onSubmit={submit} noValidate>
        <NewPassphraseFields
          state={next}
          label={t('vault.passphrase')}
          hint={t('vault.passphraseHint')}
          autoFocus
        />
        {error && (
          <p className="form-summary" role="alert">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="button-primary auth-submit"
          disabled={busy || !next.acceptable}
        >
          {busy ? t('vault.creating') : t('vault.create')}
        </button>
      </form>
      <button type="button" className="link-button auth-link" onClick={() => void pickBackup()}>
        {t('vault.restoreInstead')}
      </button>
      {backup && <RestoreBackupDialog file={backup} onClose={() => setBackup(null)} />}
    </AuthCard>
  );
}
