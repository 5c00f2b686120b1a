import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { AuthCard } from './AuthCard';
import { PassphraseInput } from './PassphraseInput';
import { PassphraseStrength, usePassphraseVerdict } from './PassphraseStrength';

/** First run: choose the passphrase that encrypts the file. */
export function CreateVaultScreen() {
  const t = useT();
  const { host, vault } = useServices();
  const created = useStore(vault, (s) => s.created);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verdict = usePassphraseVerdict(passphrase);
  const strengthId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (passphrase !== confirm) return setMismatch(true);
    if (!verdict?.acceptable) return;
    setBusy(true);
    try {
      const { recoveryKey, report } = await host.send('vault.create', { passphrase });
      created(recoveryKey, report);
    } catch (e) {
      setError(errorText(e, t));
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('vault.createTitle')} body={t('vault.createBody')}>
      <form className="auth-form" onSubmit={submit} noValidate>
        <PassphraseInput
          label={t('vault.passphrase')}
          value={passphrase}
          autoFocus
          hint={t('vault.passphraseHint')}
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
        <button
          type="submit"
          className="button-primary auth-submit"
          disabled={busy || !verdict?.acceptable}
        >
          {busy ? t('vault.creating') : t('vault.create')}
        </button>
      </form>
    </AuthCard>
  );
}
