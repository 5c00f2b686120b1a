import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../shared/contract/vault';
import { AppError } from '../../../../shared/errors';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { AuthCard } from './AuthCard';
import { PassphraseInput } from './PassphraseInput';
import { RecoverScreen } from './RecoverScreen';

/** User Timing mark the bench reads: unlock_ready_ms runs from here to the list painted. */
export const UNLOCK_SUBMITTED = 'comptoir:unlock-submitted';

/** Opens the file with the passphrase; counts down when wrong tries must wait. */
export function UnlockScreen({ status }: { status: VaultStatus }) {
  const t = useT();
  const { host, vault } = useServices();
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(() => Date.now() + status.retryAfterMs);
  const [now, setNow] = useState(() => Date.now());
  const [recovering, setRecovering] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [waitUntil, now]);

  if (recovering) return <RecoverScreen onBack={() => setRecovering(false)} />;

  const waitSeconds = Math.ceil((waitUntil - now) / 1000);
  const keychainProblem = !status.keychain.available
    ? t('vault.keychain.none')
    : status.keychain.weak
      ? t('vault.keychain.weak', { backend: status.keychain.backend })
      : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase || waitSeconds > 0) return;
    performance.mark(UNLOCK_SUBMITTED);
    setBusy(true);
    setError(null);
    try {
      vault.getState().opened(await host.send('vault.unlock', { passphrase, remember }));
    } catch (e) {
      const retryAfterMs =
        e instanceof AppError ? (e.details as { retryAfterMs?: number })?.retryAfterMs : 0;
      if (retryAfterMs) {
        setWaitUntil(Date.now() + retryAfterMs);
        setNow(Date.now());
      }
      setError(
        e instanceof AppError && e.code === 'WRONG_SECRET'
          ? t('vault.wrongPassphrase')
          : errorText(e, t),
      );
      setPassphrase('');
      setBusy(false);
      requestAnimationFrame(() => input.current?.focus());
    }
  };

  return (
    <AuthCard title={t('vault.unlockTitle')} body={t('vault.unlockBody')}>
      {status.keychainChanged && (
        <p className="notice" role="status">
          {t('vault.keychainChanged', status.keychainChanged)}
        </p>
      )}
      <form className="auth-form" onSubmit={submit} noValidate>
        <PassphraseInput
          ref={input}
          label={t('vault.passphrase')}
          value={passphrase}
          autoFocus
          error={error ?? undefined}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={remember}
            disabled={keychainProblem !== null}
            onChange={(e) => setRemember(e.target.checked)}
            aria-describedby="remember-help"
          />
          {t('vault.remember')}
        </label>
        <span id="remember-help" className="field-hint">
          {keychainProblem
            ? t('vault.rememberUnavailable', { reason: keychainProblem })
            : t('vault.rememberHelp')}
        </span>
        {waitSeconds > 0 && (
          <p className="form-summary" role="alert">
            {t('vault.waitBeforeRetry', { seconds: waitSeconds })}
          </p>
        )}
        <button
          type="submit"
          className="button-primary auth-submit"
          disabled={busy || waitSeconds > 0}
        >
          {busy ? t('vault.unlocking') : t('vault.unlock')}
        </button>
        <button type="button" className="link-button auth-link" onClick={() => setRecovering(true)}>
          {t('vault.forgot')}
        </button>
      </form>
    </AuthCard>
  );
}
