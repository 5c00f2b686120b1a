import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { useToastStore } from '../../../components/toastStore';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { AuthCard } from './AuthCard';

/** Two lines of four groups, so the key never wraps in the middle of a group. */
function halves(key: string): string[] {
  const groups = key.split('-');
  const cut = Math.ceil(groups.length / 2);
  return [groups.slice(0, cut).join('-') + '-', groups.slice(cut).join('-')];
}

/** Shown once after creation: the user must keep the key, and prove it, before going on. */
export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const t = useT();
  const { vault } = useServices();
  const saved = useStore(vault, (s) => s.recoveryKeySaved);
  const showToast = useToastStore((s) => s.show);
  const lastGroup = recoveryKey.split('-').at(-1) ?? '';
  const [typed, setTyped] = useState('');
  const [wrong, setWrong] = useState(false);

  const download = () => {
    const text = `${t('vault.recoveryFileTitle')}\n\n${recoveryKey}\n\n${t('vault.recoveryBody')}\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: 'comptoir-recovery-key.txt',
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim().toUpperCase() === lastGroup) void saved();
    else setWrong(true);
  };

  return (
    <AuthCard title={t('vault.recoveryTitle')} body={t('vault.recoveryBody')}>
      <p className="recovery-key" data-testid="recovery-key" aria-label={t('vault.recoveryKey')}>
        {halves(recoveryKey).map((half) => (
          <span key={half} className="recovery-key-half">
            {half}
          </span>
        ))}
      </p>
      <div className="recovery-actions">
        <button type="button" className="button-secondary" onClick={download}>
          {t('vault.recoveryDownload')}
        </button>
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          {t('vault.recoveryPrint')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            navigator.clipboard?.writeText(recoveryKey).then(
              () => showToast(t('vault.recoveryCopied')),
              () => {},
            )
          }
        >
          {t('vault.recoveryCopy')}
        </button>
      </div>
      <form className="auth-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="recovery-confirm">
            {t('vault.recoveryConfirm', { count: lastGroup.length })}
          </label>
          <input
            id="recovery-confirm"
            value={typed}
            autoComplete="off"
            spellCheck={false}
            className="mono"
            aria-invalid={wrong || undefined}
            aria-describedby={wrong ? 'recovery-confirm-error' : undefined}
            onChange={(e) => {
              setTyped(e.target.value);
              setWrong(false);
            }}
          />
          {wrong && (
            <span id="recovery-confirm-error" className="field-error">
              {t('vault.recoveryConfirmWrong')}
            </span>
          )}
        </div>
        <button type="submit" className="button-primary auth-submit">
          {t('vault.recoveryDone')}
        </button>
      </form>
    </AuthCard>
  );
}
