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

// Building Intl objects costs far more than using them, and a table of 30 rows asks for
// hundreds of labels per render: one of each per language.
const plurals = new Map<Language, Intl.PluralRules>();
const numberFormats = new Map<Language, Intl.NumberFormat>();
function pluralRules(language: Language): Intl.PluralRules {
  let rules = plurals.get(language);
  if (!rules) plurals.set(language, (rules = new Intl.PluralRules(language)));
  return rules;
}
function numberFormat(language: Language): Intl.NumberFormat {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format;
}

/** Fills `{name}` placeholders; numbers go through Intl in the chosen language. */
export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  const message: Message = catalogs[language][key];
  const template =
    typeof message === 'string'
      ? message
      : message[
          pluralRules(language).select(Number(params.count ?? 0)) === 'one' ? 'one' : 'other'
        ];
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat(language).format(value) : value;
  });
}

export type { MessageKey };
