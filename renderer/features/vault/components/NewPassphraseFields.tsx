import { useId, useState } from 'react';
import { useT } from '../../../i18n/useT';
import { PassphraseInput } from './PassphraseInput';
import { PassphraseStrength, usePassphraseVerdict } from './PassphraseStrength';

/** A new passphrase typed twice, judged as it is typed. */
export function useNewPassphrase() {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirmValue] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const verdict = usePassphraseVerdict(passphrase);
  return {
    passphrase,
    confirm,
    mismatch,
    verdict,
    acceptable: Boolean(verdict?.acceptable),
    setPassphrase,
    setConfirm(value: string) {
      setConfirmValue(value);
      setMismatch(false);
    },
    /** True when both match and the policy accepts it; shows the mismatch otherwise. */
    ready(): boolean {
      if (passphrase !== confirm) {
        setMismatch(true);
        return false;
      }
      return Boolean(verdict?.acceptable);
    },
  };
}

export type NewPassphrase = ReturnType<typeof useNewPassphrase>;

export function NewPassphraseFields({
  state,
  label,
  hint,
  autoFocus,
}: {
  state: NewPassphrase;
  label: string;
  hint?: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  const strengthId = useId();
  return (
    <>
      <PassphraseInput
        label={label}
        value={state.passphrase}
        autoFocus={autoFocus}
        hint={hint}
        describedBy={strengthId}
        onChange={(e) => state.setPassphrase(e.target.value)}
      />
      <PassphraseStrength verdict={state.verdict} id={strengthId} />
      <PassphraseInput
        label={t('vault.passphraseConfirm')}
        value={state.confirm}
        error={state.mismatch ? t('vault.mismatch') : undefined}
        onChange={(e) => state.setConfirm(e.target.value)}
      />
    </>
  );
}
