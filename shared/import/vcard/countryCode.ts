// Names in the languages of Comptoir's users and of the address books they import from.
const NAME_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'];
// Region codes that Intl names but that are not countries.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
// Names and abbreviations that Intl does not give.
const ALIASES: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  usa: 'US',
  'u.s.a.': 'US',
  'u.s.': 'US',
  'united states of america': 'US',
  'etats-unis d’amerique': 'US',
  deutschland: 'DE',
  holland: 'NL',
};

let byName: Map<string, string> | null = null;

/**
 * The ISO 3166 alpha-2 code of a country written as a code or as a name in English, French,
 * German, Spanish, Italian, Dutch or Portuguese ("France", "Royaume-Uni", "USA", "België"), case
 * and accents aside; '' when it is none of them. The names come from Intl.DisplayNames, so every
 * country is covered, not only a list typed here.
 */
export function countryCode(country: string): string {
  const key = normalise(country);
  if (key === '') return '';
  const names = (byName ??= countryNames());
  return ALIASES[key] ?? names.get(key) ?? '';
}

/** The English name of an alpha-2 code, for writing addresses; the code itself if unknown. */
export function countryName(code: string): string {
  return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

function countryNames(): Map<string, string> {
  const names = new Map<string, string>();
  const displays = NAME_LOCALES.map(
    (locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }),
  );
  for (const code of allTwoLetterCodes()) {
    const english = displays[0]!.of(code);
    if (english === undefined || NOT_COUNTRIES.has(code) || !isCurrent(code)) continue;
    names.set(normalise(code), code);
    for (const display of displays) {
      const name = display.of(code);
      if (name !== undefined && !names.has(normalise(name))) names.set(normalise(name), code);
    }
  }
  return names;
}

/** DD (East Germany), SU, YU... are named by Intl but replaced by current codes. */
function isCurrent(code: string): boolean {
  return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
}

function allTwoLetterCodes(): string[] {
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  return letters.flatMap((a) => letters.map((b) => a + b));
}

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '’')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
