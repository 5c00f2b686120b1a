import { useState, type FormEvent } from 'react';
import { AppError } from '../../../../shared/errors';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { AuthCard } from './AuthCard';
import { NewPassphraseFields, useNewPassphrase } from './NewPassphraseFields';

/** Forgotten passphrase: the recovery key opens the file and a new passphrase replaces the old. */
export function RecoverScreen({ onBack }: { onBack(): void }) {
  const t = useT();
  const { host, vault } = useServices();
  const [recoveryKey, setRecoveryKey] = useState('');
  const next = useNewPassphrase();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!next.ready()) return;
    setBusy(true);
    try {
      vault
        .getState()
        .opened(await host.send('vault.recover', { recoveryKey, newPassphrase: next.passphrase }));
    } catch (e) {
      setError(
        e instanceof AppError && e.code === 'WRONG_SECRET'
          ? t('vault.wrongRecoveryKey')
          : errorText(e, t),
      );
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('vault.recoverTitle')} body={t('vault.recoverBody')}>
      <form className="auth-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="recovery-key">{t('vault.recoveryKey')}</label>
          <input
            id="recovery-key"
            className="mono"
            value={recoveryKey}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
            aria-invalid={error ? true : undefined}
            onChange={(e) => setRecoveryKey(e.target.value)}
          />
        </div>
        <NewPassphraseFields state={next} label={t('vault.newPassphrase')} />
        {error && (
          <p className="form-summary" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onBack}>
            {t('vault.back')}
          </button>
          <button
            type="submit"
            className="button-primary"
            disabled={busy || !recoveryKey || !next.acceptable}
          >
            {t('vault.recover')}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
