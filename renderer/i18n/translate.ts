import { en, type Message, type MessageKey, type Messages } from './en';
import { fr } from './fr';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

const catalogs: Record<Language, Messages> = { en, fr };

export type Params = Record<string, string | number>;

/** The first supported language among the system's preferred ones; English otherwise. */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base ?? '')) return base as Language;
  }
  return 'en';
}

/** Fills `{name}` placeholders; numbers go through Intl in the chosen language. */
export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  const message: Message = catalogs[language][key];
  const template =
    typeof message === 'string'
      ? message
      : message[
          new Intl.PluralRules(language).select(Number(params.count ?? 0)) === 'one'
            ? 'one'
            : 'other'
        ];
  const numbers = new Intl.NumberFormat(language);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

export type { MessageKey };
