import { useId, useState, type FormEvent } from 'react';
import { AppError } from '../../../../shared/errors';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { AuthCard } from './AuthCard';
import { PassphraseInput } from './PassphraseInput';
import { PassphraseStrength, usePassphraseVerdict } from './PassphraseStrength';

/** Forgotten passphrase: the recovery key opens the file and a new passphrase replaces the old. */
export function RecoverScreen({ onBack }: { onBack(): void }) {
  const t = useT();
  const { host, vault } = useServices();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verdict = usePassphraseVerdict(passphrase);
  const strengthId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (passphrase !== confirm) return setMismatch(true);
    if (!verdict?.acceptable) return;
    setBusy(true);
    try {
      vault
        .getState()
        .opened(await host.send('vault.recover', { recoveryKey, newPassphrase: passphrase }));
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
        <PassphraseInput
          label={t('vault.newPassphrase')}
          value={passphrase}
          describedBy={strengthId}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <PassphraseStrength verdict={verdict} id={strengthId} />
        <PassphraseInput
          label={t('vault.passphraseConfirm')}
          value={confirm}
          error={mismatch ? t('vault.mismatch') : undefined}
          onChange={(e) => {
            setConfirm(e.target.value);
            setMismatch(false);
          }}
        />
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
            disabled={busy || !recoveryKey || !verdict?.acceptable}
          >
            {t('vault.recover')}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
