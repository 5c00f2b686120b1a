import { useId } from 'react';
import { useLanguageStore } from '../i18n/languageStore';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/translate';
import { useT } from '../i18n/useT';

export function LanguageSwitch() {
  const t = useT();
  const id = useId();
  const language = useLanguageStore((s) => s.language);
  const setLanguage = useLanguageStore((s) => s.setLanguage);
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
