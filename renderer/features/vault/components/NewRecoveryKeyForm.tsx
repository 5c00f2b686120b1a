import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { AppError } from '../../../../shared/errors';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { PassphraseInput } from './PassphraseInput';

/**
 * Replaces the recovery key (lost, or never confirmed). The passphrase proves who asks; the new
 * key is then shown and confirmed like the first one, and the old one stops working.
 */
export function NewRecoveryKeyForm({ onMade }: { onMade(): void }) {
  const t = useT();
  const { host, vault } = useServices();
  const saved = useStore(vault, (s) => s.status?.recoveryKeySaved);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) return;
    setBusy(true);
    setError(null);
    try {
      const { recoveryKey } = await host.send('vault.newRecoveryKey', { passphrase });
      vault.getState().newRecoveryKey(recoveryKey);
      onMade();
    } catch (e) {
      setError(
        e instanceof AppError && e.code === 'WRONG_SECRET'
          ? t('vault.wrongPassphrase')
          : errorText(e, t),
      );
      setBusy(false);
    }
  };

  return (
    <form className="security-section" onSubmit={submit} noValidate>
      <h3>{t('security.recoveryTitle')}</h3>
      <p className="field-hint">
        {saved ? t('security.recoverySaved') : t('security.recoveryNotSaved')}
      </p>
      <PassphraseInput
        label={t('security.recoveryPassphrase')}
        value={passphrase}
        error={error ?? undefined}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      <div className="section-actions">
        <button type="submit" className="button-secondary" disabled={busy || !passphrase}>
          {t('security.recoveryNew')}
        </button>
      </div>
    </form>
  );
}
