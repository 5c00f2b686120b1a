import {
  CUSTOMER_STATUSES,
  LANGUAGES,
  type CustomerStatus,
  type GENDERS,
} from '../../domain/customer';
import { foldText } from '../../domain/fold';

/** A cell read as one of a field's allowed values, or the rule it breaks. */
export type ParsedChoice<T extends string> =
  { ok: true; value: T } | { ok: false; reason: 'invalidChoice' };

type Gender = (typeof GENDERS)[number];
type Language = (typeof LANGUAGES)[number];

/** Letters and digits only, accent-free and lower case: "Royaume-Uni" is "royaumeuni". */
const keyOf = (value: string) => foldText(value.trim()).replace(/[^a-z0-9]/g, '');
const found = <T extends string>(value: T | undefined): ParsedChoice<T> =>
  value === undefined ? { ok: false, reason: 'invalidChoice' } : { ok: true, value };

// Common names Intl does not give: three-letter codes and everyday names.
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US',
  us: 'US',
  uk: 'GB',
  england: 'GB',
  angleterre: 'GB',
  greatbritain: 'GB',
  fra: 'FR',
  bel: 'BE',
  che: 'CH',
  deu: 'DE',
  esp: 'ES',
  ita: 'IT',
  gbr: 'GB',
  can: 'CA',
  lux: 'LU',
  nld: 'NL',
  prt: 'PT',
  hollande: 'NL',
  holland: 'NL',
  suisse: 'CH',
};
let countries: Map<string, string> | null = null;

/** Every region Intl knows, by code and by its English and French names. */
function countryIndex(): Map<string, string> {
  if (countries) return countries;
  countries = new Map(Object.entries(COUNTRY_ALIASES));
  const names = ['en', 'fr'].map((locale) => new Intl.DisplayNames([locale], { type: 'region' }));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      // Old and reserved codes name their successor: FX is FR, UK is GB, SU is RU.
      const code = Intl.getCanonicalLocales(`und-${a}${b}`)[0]!.slice(4);
      for (const display of names) {
        const name = display.of(code);
        if (!name || name === code || !/^[A-Z]{2}$/.test(code)) continue;
        countries.set(`${a}${b}`.toLowerCase(), code);
        if (!countries.has(keyOf(name))) countries.set(keyOf(name), code);
      }
    }
  }
  return countries;
}

/** A country as its ISO alpha-2 code, from a code ("ca", "FR") or a name ("Canada", "Allemagne"). */
export function parseCountry(value: string): ParsedChoice<string> {
  return found(countryIndex().get(keyOf(value)));
}

const GENDER_WORDS: Record<string, Gender> = {
  f: 'female',
  femme: 'female',
  female: 'female',
  woman: 'female',
  w: 'female',
  mme: 'female',
  madame: 'female',
  mlle: 'female',
  mademoiselle: 'female',
  mrs: 'female',
  ms: 'female',
  miss: 'female',
  m: 'male',
  h: 'male',
  homme: 'male',
  male: 'male',
  man: 'male',
  mr: 'male',
  monsieur: 'male',
  other: 'other',
  autre: 'other',
  nonbinary: 'other',
  nonbinaire: 'other',
  divers: 'other',
  // Titles that say nothing of gender.
  dr: '',
  docteur: '',
  pr: '',
  professeur: '',
  me: '',
  maitre: '',
  mx: '',
};

/** A gender from a sex column (F/H/M, Femme, Male) or a salutation (M., Mme, Mrs, Monsieur). */
export function parseGender(value: string): ParsedChoice<Gender> {
  return found(GENDER_WORDS[keyOf(value)]);
}

let languages: Map<string, Language> | null = null;

/** The languages Comptoir offers, by code and by their English, French and own names. */
function languageIndex(): Map<string, Language> {
  if (languages) return languages;
  languages = new Map();
  for (const code of LANGUAGES) {
    if (code === '') continue;
    languages.set(code, code);
    for (const locale of ['en', 'fr', code]) {
      const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code);
      if (name) languages.set(keyOf(name), code);
    }
  }
  return languages;
}

/** A language from a code ("fr", "fr-FR", "en_US") or a name ("Français", "English"). */
export function parseLanguage(value: string): ParsedChoice<Language> {
  const key = keyOf(value);
  const locale = /^([a-z]{2})[-_]/i.exec(value.trim());
  return found(
    languageIndex().get(key) ??
      (locale ? languageIndex().get(locale[1]!.toLowerCase()) : undefined),
  );
}

const STATUS_WORDS: Record<string, CustomerStatus> = {
  ...Object.fromEntries(CUSTOMER_STATUSES.map((s) => [s, s])),
  client: 'customer',
  cliente: 'customer',
  subscriber: 'lead',
  abonne: 'lead',
  nouveau: 'lead',
  opportunity: 'prospect',
  marketingqualifiedlead: 'prospect',
  salesqualifiedlead: 'prospect',
  inactif: 'inactive',
  inactive: 'inactive',
  ancienclient: 'inactive',
  archive: 'archived',
};

/** A status from Comptoir's own words, French ones, or HubSpot's lifecycle stages. */
export function parseStatus(value: string): ParsedChoice<CustomerStatus> {
  return found(STATUS_WORDS[keyOf(value)]);
}
