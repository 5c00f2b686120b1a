import type { ContentLine } from './contentLine';
import { decodeValue, splitEscaped, unescapeText } from './decodeValue';
import type {
  VcardBirthday,
  VcardContact,
  VcardProblem,
  VcardTypedValue,
  VcardVersion,
} from './vcardContact';

const VERSIONS: readonly string[] = ['2.1', '3.0', '4.0'];
// Properties whose value is read; any other (PHOTO, URL, X-...) is passed over undecoded.
const READ = new Set([
  'VERSION',
  'FN',
  'N',
  'EMAIL',
  'TEL',
  'ADR',
  'ORG',
  'TITLE',
  'BDAY',
  'NOTE',
  'CATEGORIES',
  'GENDER',
  'LANG',
  'UID',
]);

/** The contact of one card from its properties (BEGIN and END left out), and its problems. */
export function readCard(
  properties: ContentLine[],
  line: number,
): { contact: VcardContact; problems: VcardProblem[] } {
  const contact: VcardContact = {
    line,
    version: '',
    formattedName: '',
    name: null,
    emails: [],
    phones: [],
    addresses: [],
    organization: [],
    title: '',
    birthday: null,
    notes: [],
    categories: [],
    gender: '',
    languages: [],
    uid: '',
  };
  const problems: VcardProblem[] = [];
  const languages: VcardTypedValue[] = [];
  for (const property of properties) {
    if (!READ.has(property.name)) continue;
    const { text, problem } = decodeValue(property);
    if (problem !== undefined) problems.push({ line: property.line, message: problem });
    if (text === null) continue;
    const version = readProperty(contact, property, text, languages);
    if (version !== undefined)
      problems.push({ line: property.line, message: `unknown vCard version "${version}"` });
  }
  contact.languages = byPreference(languages).map((l) => l.value);
  return { contact, problems };
}

/** Sets what `property` says on `contact`; returns an unknown VERSION value to report. */
function readProperty(
  contact: VcardContact,
  property: ContentLine,
  text: string,
  languages: VcardTypedValue[],
): string | undefined {
  const value = unescapeText(text).trim();
  const parts = () => splitEscaped(text, ';').map((p) => unescapeText(p).trim());
  const typed = (v: string): VcardTypedValue => ({
    value: v,
    types: property.types,
    pref: property.pref,
  });
  switch (property.name) {
    case 'VERSION':
      if (VERSIONS.includes(value)) contact.version = value as VcardVersion;
      else return value;
      break;
    case 'FN':
      contact.formattedName ||= value;
      break;
    case 'N': {
      const [family = '', given = '', additional = '', prefix = '', suffix = ''] = parts();
      contact.name ??= { family, given, additional, prefix, suffix };
      break;
    }
    case 'EMAIL': {
      const email = value.replace(/^mailto:/i, '');
      if (email !== '') contact.emails.push(typed(email));
      break;
    }
    case 'TEL': {
      const phone = value.replace(/^tel:/i, '');
      if (phone !== '') contact.phones.push(typed(phone));
      break;
    }
    case 'ADR': {
      const [
        poBox = '',
        extended = '',
        street = '',
        locality = '',
        region = '',
        postalCode = '',
        country = '',
      ] = parts();
      if ([poBox, extended, street, locality, region, postalCode, country].some((p) => p !== ''))
        contact.addresses.push({
          poBox,
          extended,
          street,
          locality,
          region,
          postalCode,
          country,
          types: property.types,
          pref: property.pref,
        });
      break;
    }
    case 'ORG':
      if (contact.organization.length === 0) contact.organization = parts().filter((p) => p !== '');
      break;
    case 'TITLE':
      contact.title ||= value;
      break;
    case 'BDAY':
      contact.birthday ??= readBirthday(value, property.params.get('VALUE')?.[0] ?? '');
      break;
    case 'NOTE':
      // Not trimmed: a note is kept as written, spaces and line ends included.
      if (text !== '') contact.notes.push(unescapeText(text));
      break;
    case 'CATEGORIES':
      for (const category of splitEscaped(text, ',').map((c) => unescapeText(c).trim()))
        if (category !== '' && !contact.categories.includes(category))
          contact.categories.push(category);
      break;
    case 'GENDER':
      contact.gender ||= (parts()[0] ?? '').toUpperCase();
      break;
    case 'LANG':
      if (value !== '') languages.push(typed(value));
      break;
    case 'UID':
      contact.uid ||= value;
      break;
  }
  return undefined;
}

/**
 * YYYYMMDD, YYYY-MM-DD, and date-times (the time left out) give a date; --MMDD (no year), a
 * year alone, VALUE=text ("circa 1800") give none, the text kept for the user to see.
 */
export function readBirthday(raw: string, valueType: string): VcardBirthday {
  if (valueType.toLowerCase() === 'text') return { raw, date: '' };
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[0-9:.Z+-]*)?$/.exec(raw);
  return { raw, date: match ? `${match[1]}-${match[2]}-${match[3]}` : '' };
}

/** Most preferred first (lowest PREF); those without PREF after, in file order. */
export function byPreference<T extends { pref: number | null }>(values: T[]): T[] {
  return values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => (a.value.pref ?? 101) - (b.value.pref ?? 101) || a.index - b.index)
    .map(({ value }) => value);
}
