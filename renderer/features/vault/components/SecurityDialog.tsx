import { useId, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { AUTO_LOCK_CHOICES } from '../../../../shared/contract/vault';
import { AppError } from '../../../../shared/errors';
import { Dialog } from '../../../components/Dialog';
import { useToastStore } from '../../../components/toastStore';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { NewRecoveryKeyForm } from './NewRecoveryKeyForm';
import { PassphraseInput } from './PassphraseInput';
import { PassphraseStrength, usePassphraseVerdict } from './PassphraseStrength';

/** Auto-lock delay, a new recovery key, passphrase change (re-wraps the key only), "forget this device". */
export function SecurityDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { host, vault } = useServices();
  const status = useStore(vault, (s) => s.status);
  const showToast = useToastStore((s) => s.show);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verdict = usePassphraseVerdict(next);
  const strengthId = useId();
  const autoLockId = useId();

  const change = async (event: FormEvent) => {
    event.preventDefault();
    if (!verdict?.acceptable) return;
    setBusy(true);
    setError(null);
    try {
      await host.send('vault.changePassphrase', { current, next });
      showToast(t('security.changed'));
      setCurrent('');
      setNext('');
    } catch (e) {
      setError(
        e instanceof AppError && e.code === 'WRONG_SECRET'
          ? t('vault.wrongPassphrase')
          : errorText(e, t),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('security.title')} description={t('security.body')} onClose={onClose}>
      <div className="field">
        <label htmlFor={autoLockId}>{t('security.autoLock')}</label>
        <select
          id={autoLockId}
          value={status?.autoLockMinutes ?? 15}
          onChange={(e) =>
            void host.send('vault.setAutoLock', { minutes: Number(e.target.value) as 0 })
          }
        >
          {AUTO_LOCK_CHOICES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes === 0
                ? t('security.autoLock.never')
                : t('security.autoLock.minutes', { count: minutes })}
            </option>
          ))}
        </select>
      </div>
      <NewRecoveryKeyForm onMade={onClose} />
      <form className="security-change" onSubmit={change} noValidate>
        <h3>{t('security.change')}</h3>
        <PassphraseInput
          label={t('security.current')}
          value={current}
          error={error ?? undefined}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <PassphraseInput
          label={t('vault.newPassphrase')}
          value={next}
          describedBy={strengthId}
          onChange={(e) => setNext(e.target.value)}
        />
        <PassphraseStrength verdict={verdict} id={strengthId} />
        <div className="dialog-actions">
          {status?.remembered && (
            <button
              type="button"
              className="button-secondary"
              onClick={() =>
                host.send('vault.forgetDevice', {}).then(() => showToast(t('security.forgotten')))
              }
            >
              {t('security.forget')}
            </button>
          )}
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('security.close')}
          </button>
          <button
            type="submit"
            className="button-primary"
            disabled={busy || !current || !verdict?.acceptable}
          >
            {t('security.change')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
