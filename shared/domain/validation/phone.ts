// 'max' metadata (+65 kB over 'min'): with 'min', isValid() checks lengths, not number ranges.
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

export type PhoneVerdict =
  | { ok: true; e164: string; national: string; international: string; country?: string }
  | { ok: false; reason: 'invalidPhone' };

const LETTER = /\p{L}/u;

function countryCode(country: string | undefined): CountryCode | undefined {
  const code = country?.toUpperCase();
  return code !== undefined && isSupportedCountry(code) ? code : undefined;
}

function parseValid(input: string, defaultCountry?: string): PhoneNumber | undefined {
  const number = parsePhoneNumberFromString(input, countryCode(defaultCountry));
  return number?.isValid() ? number : undefined;
}

export function checkPhone(input: string, defaultCountry: string): PhoneVerdict {
  // libphonenumber would pick a number out of free text, and E.164 has no room for an extension.
  const number = LETTER.test(input) ? undefined : parseValid(input, defaultCountry);
  if (number === undefined || number.ext !== undefined)
    return { ok: false, reason: 'invalidPhone' };
  // The formats are worked out only when read: checking 100k phones in an import only needs E.164.
  const verdict = {
    ok: true as const,
    e164: number.number,
    get national() {
      return number.formatNational();
    },
    get international() {
      return number.formatInternational();
    },
  };
  return number.country === undefined
    ? verdict
    : Object.assign(verdict, { country: number.country });
}

/** National format for a number of `displayCountry`, else international; unreadable input as is. */
export function formatPhone(e164: string, displayCountry: string): string {
  const number = parseValid(e164);
  if (number === undefined) return e164;
  return number.country !== undefined && number.country === countryCode(displayCountry)
    ? number.formatNational()
    : number.formatInternational();
}

/** The digit strings a user may type to find this number: '33612345678' and '0612345678'. */
export function phoneSearchForms(e164: string): string[] {
  const number = parseValid(e164);
  if (number === undefined) {
    const digits = e164.replace(/\D/g, '');
    return digits === '' ? [] : [digits];
  }
  const international = `${number.countryCallingCode}${number.nationalNumber}`;
  const national = number.formatNational().replace(/\D/g, '');
  return [...new Set([international, national])];
}
