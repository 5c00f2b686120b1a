import { useCallback, useEffect } from 'react';
import { useLanguageStore } from './languageStore';
import { translate, type MessageKey, type Params } from './translate';

/** The translation function for the current language; re-renders when it changes. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const language = useLanguageStore((s) => s.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return useCallback((key, params) => translate(language, key, params), [language]);
}
