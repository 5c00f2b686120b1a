import { displayName, type Customer } from '../domain/customer';
import { countryName } from '../import/vcard/countryCode';

export type VcardExportVersion = '3.0' | '4.0';

const NEWLINE = '\r\n';
/** RFC 6350 3.2 and RFC 2426 2.6: a line longer than 75 octets is folded. */
const LINE_OCTETS = 75;
const GENDER_LETTERS: Record<string, string> = { female: 'F', male: 'M', other: 'O' };

/**
 * Customers as a .vcf file that address books (Apple, Google, Outlook, Thunderbird) read: one
 * card per customer with N, FN, EMAIL, TEL, ADR, ORG, TITLE, BDAY, NOTE, CATEGORIES, and UID
 * (the customer's id), plus GENDER and LANG in vCard 4.0. CRLF line ends, lines folded at 75
 * octets without splitting a character, values escaped. The primary email and phone carry the
 * preference (PREF=1, or TYPE=pref in 3.0), so reading the file back gives the same customer.
 */
export function customersToVcard(
  customers: Customer[],
  version: VcardExportVersion = '4.0',
): string {
  return customers.map((customer) => customerCard(customer, version)).join('');
}

function customerCard(c: Customer, version: VcardExportVersion): string {
  const v4 = version === '4.0';
  const lines = ['BEGIN:VCARD', `VERSION:${version}`, `UID:${escapeText(c.id)}`];
  lines.push(`FN:${escapeText(displayName(c) || c.company)}`);
  lines.push(`N:${structured([c.lastName, c.firstName, '', '', ''])}`);
  [c.email, ...c.additionalEmails].forEach((email, i) => {
    if (email === '') return;
    const pref = i === 0 ? (v4 ? ';PREF=1' : ';TYPE=INTERNET,PREF') : v4 ? '' : ';TYPE=INTERNET';
    lines.push(`EMAIL${pref}:${escapeText(email)}`);
  });
  [c.phone, ...c.additionalPhones].forEach((phone, i) => {
    if (phone === '') return;
    const pref = i === 0 ? (v4 ? ';PREF=1' : ';TYPE=VOICE,PREF') : v4 ? '' : ';TYPE=VOICE';
    // vCard 4.0 writes a phone as a tel: URI, which only an E.164 number makes without change.
    const uri = v4 && /^\+[0-9]+$/.test(phone);
    lines.push(`TEL${uri ? ';VALUE=uri' : ''}${pref}:${uri ? `tel:${phone}` : escapeText(phone)}`);
  });
  if (c.street || c.postalCode || c.city || c.country) {
    const country = c.country ? countryName(c.country) : '';
    lines.push(`ADR:${structured(['', '', c.street, c.city, '', c.postalCode, country])}`);
  }
  if (c.company) lines.push(`ORG:${structured([c.company])}`);
  if (c.jobTitle) lines.push(`TITLE:${escapeText(c.jobTitle)}`);
  // vCard 4.0 dates are in the basic format (19850412); 3.0 takes the extended one.
  if (c.birthDate) lines.push(`BDAY:${v4 ? c.birthDate.replaceAll('-', '') : c.birthDate}`);
  if (v4 && GENDER_LETTERS[c.gender]) lines.push(`GENDER:${GENDER_LETTERS[c.gender]}`);
  if (v4 && c.language) lines.push(`LANG:${c.language}`);
  if (c.tags.length > 0) lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
  if (c.notes) lines.push(`NOTE:${escapeText(c.notes)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('');
}

/** A text value escaped: backslash, comma, semicolon, and line ends as `\n`. */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

function structured(parts: string[]): string {
  return parts.map(escapeText).join(';');
}

/**
 * The line with CRLF, cut before any character that would take it past 75 octets of UTF-8;
 * each continuation starts with a space, which counts in its 75.
 */
export function fold(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0)!);
    if (octets + size > LINE_OCTETS) {
      out += `${NEWLINE} `;
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out + NEWLINE;
}

function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}
