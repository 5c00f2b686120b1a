import { useEffect, useState } from 'react';
import type { PassphraseVerdict } from '../../../../shared/vault/passphrasePolicy';
import { useServices } from '../../../app/services';
import type { MessageKey } from '../../../i18n/translate';
import { translations as english } from '@zxcvbn-ts/language-en';
import { translations as french } from '@zxcvbn-ts/language-fr';
import { useLanguageStore } from '../../../i18n/languageStore';
import type { Language } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';

/** Asks the host's policy (the same one that will accept or refuse) as the user types. */
export function usePassphraseVerdict(passphrase: string): PassphraseVerdict | null {
  const { host } = useServices();
  const [verdict, setVerdict] = useState<PassphraseVerdict | null>(null);
  useEffect(() => {
    if (!passphrase) return;
    let current = true;
    const timer = setTimeout(() => {
      host.send('vault.judge', { passphrase }).then(
        (v) => current && setVerdict(v),
        () => {},
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, passphrase]);
  return passphrase ? verdict : null;
}

const ZXCVBN_WARNINGS: Record<Language, Record<string, string>> = {
  en: english.warnings,
  fr: french.warnings,
};

/** Our own problems, or zxcvbn's warning keys in zxcvbn's own translations. */
export function problemText(problem: string, language: Language, t: (key: MessageKey) => string) {
  if (problem === 'tooShort') return t('vault.problem.tooShort');
  return ZXCVBN_WARNINGS[language][problem] ?? t('vault.problem.tooGuessable');
}

export function PassphraseStrength({
  verdict,
  id,
}: {
  verdict: PassphraseVerdict | null;
  id: string;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  if (!verdict) return <div id={id} className="strength" />;
  const label = t(`vault.strength.${verdict.score}` as MessageKey);
  return (
    <div id={id} className="strength" aria-live="polite">
      <div className={`strength-bar strength-${verdict.score}`} aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={i < verdict.score ? 'on' : ''} />
        ))}
      </div>
      <span className="strength-label">{t('vault.strength', { label })}</span>
      {verdict.problems.map((problem) => (
        <span key={problem} className="field-error">
          {problemText(problem, language, t)}
        </span>
      ))}
    </div>
  );
}
