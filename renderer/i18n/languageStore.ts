import { create } from 'zustand';
import { LANGUAGES, systemLanguage, type Language } from './translate';

const STORAGE_KEY = 'comptoir.language';

function initialLanguage(): Language {
  // The language choice is a UI preference, not personal data, so it may live in localStorage.
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  return systemLanguage(globalThis.navigator?.languages ?? []);
}

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

export const useLanguageStore = create<LanguageState>((set) => ({
  language: initialLanguage(),
  setLanguage(language) {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
    set({ language });
  },
}));
