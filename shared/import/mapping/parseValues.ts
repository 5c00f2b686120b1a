import { foldText } from '../../domain/fold';
import { isRealDate } from '../../domain/customer';

/** The order of day, month and year in dates written with two-digit parts. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Why a date cell was not read; the wizard shows the cell with its column. */
export type DateProblem = 'empty' | 'unknownFormat' | 'impossibleDate';
export type ParsedDate = { ok: true; iso: string } | { ok: false; reason: DateProblem };

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(.*))?$/;
const PARTS = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?:[T ]+(.*))?$/;
// Time after a date: "09:55", "09:55:16", "09:55:16.123", then "Z", "-0400", "+02:00" or "UTC".
const TIME =
  /^\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/;
// Whole days (a time is a fraction) from 1900-01-01 to 9999-12-31 in Excel's 1900 system.
const SERIAL = /^\d{1,7}(?:[.,]\d+)?$/;
const LAST_SERIAL = 2958465;

/**
 * A date cell as YYYY-MM-DD: DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, D/M/YY (or month first, or
 * year first, as `order` says), ISO YYYY-MM-DD with or without a time and zone, YYYYMMDD, and Excel
 * serial numbers (call it for date columns only: any whole number up to 2958465 is a date).
 * The date is kept as written: "2025-05-11 23:30 -0400" is the 11th, whatever the time zone.
 */
export function parseDate(value: string, order: DateOrder = 'dmy'): ParsedDate {
  const text = cleanText(value);
  if (text === '') return { ok: false, reason: 'empty' };
  const iso = ISO.exec(text);
  if (iso) return calendarDate(iso[1]!, iso[2]!, iso[3]!, iso[4]);
  const parts = PARTS.exec(text);
  if (parts) {
    const [, a, , b, c, time] = parts as unknown as [
      string,
      string,
      string,
      string,
      string,
      string?,
    ];
    if (order === 'ymd') return calendarDate(fullYear(a), b, c, time);
    return order === 'mdy'
      ? calendarDate(fullYear(c), a, b, time)
      : calendarDate(fullYear(c), b, a, time);
  }
  // Eight digits that make a real date year first ("19850714": vCard's BDAY, many exports)
  // are that date; a serial number has at most seven.
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return calendarDate(compact[1]!, compact[2]!, compact[3]!);
  // A year alone ("1985") is not a day of 1905: serials of this century have five digits.
  if (/^[12]\d{3}$/.test(text)) return { ok: false, reason: 'unknownFormat' };
  if (SERIAL.test(text)) return excelSerialDate(Number(text.replace(',', '.')));
  return { ok: false, reason: 'unknownFormat' };
}

/**
 * A two-digit year as Excel reads it: 00-29 are 2000-2029, 30-99 are 1930-1999. The same pivot
 * as the spreadsheet the file most likely came from, so a date means what its author saw.
 */
function fullYear(year: string): string {
  if (year.length === 4) return year;
  const yy = Number(year);
  return String(yy < 30 ? 2000 + yy : 1900 + yy);
}

function calendarDate(year: string, month: string, day: string, time?: string): ParsedDate {
  if (time !== undefined && !TIME.test(time.trim())) return { ok: false, reason: 'unknownFormat' };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // 1900 is the lower bound of isRealDate (birth dates); older dates are impossible here too.
  return isRealDate(iso) ? { ok: true, iso } : { ok: false, reason: 'impossibleDate' };
}

/**
 * Excel's 1900 date system: 1 is 1900-01-01. Excel counts a 29 February 1900 that never was
 * (serial 60, kept from Lotus 1-2-3), so from 61 on a serial is one day ahead of a plain count.
 */
function excelSerialDate(serial: number): ParsedDate {
  const day = Math.floor(serial);
  if (day < 1 || day > LAST_SERIAL || day === 60) return { ok: false, reason: 'impossibleDate' };
  const epoch = Date.UTC(1899, 11, day < 60 ? 31 : 30);
  return { ok: true, iso: new Date(epoch + day * 86_400_000).toISOString().slice(0, 10) };
}

/**
 * Day first or month first, from a column's values: a first part above 12 is a day, a second
 * part above 12 makes the first a month. The majority decides; with no clue, or a tie, day first
 * (a French user's default). Year-first dates give no clue and need none.
 */
export function guessDateOrder(values: string[]): 'dmy' | 'mdy' {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const value of values) {
    const parts = PARTS.exec(cleanText(value));
    if (!parts) continue;
    const first = Number(parts[1]);
    const second = Number(parts[3]);
    if (first > 12 && second <= 12) dayFirst++;
    else if (second > 12 && first <= 12) monthFirst++;
  }
  return monthFirst > dayFirst ? 'mdy' : 'dmy';
}

export type ParsedNumber =
  { ok: true; value: number } | { ok: false; reason: 'empty' | 'invalidNumber' };

// Currency marks around an amount: symbols, and ISO codes as Shopify and banks write them.
const CURRENCY = /^(?:[€$£¥]|EUR|USD|GBP|CHF|CAD)\s*|\s*(?:[€$£¥]|EUR|USD|GBP|CHF|CAD)$/gi;

/**
 * A number as people write it: "1 234,56", "1,234.56", "12,5", "€ 12,50", "12.50 EUR",
 * "1'234.50". When a value has both a comma and a point, the last one is the decimal mark.
 * When it has one of them once, that one is the decimal mark: "1,234" is 1.234, as a French
 * sheet means it (the English exports we know write amounts without grouping: "1234.00").
 * A mark written several times ("1.234.567") groups thousands.
 */
export function parseNumber(value: string): ParsedNumber {
  const text = cleanText(value)
    .replace(CURRENCY, '')
    .replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return { ok: false, reason: 'empty' };
  const match = /^([+-]?)([\d.,]+)$/.exec(text);
  if (!match) return { ok: false, reason: 'invalidNumber' };
  const digits = match[2]!;
  const lastComma = digits.lastIndexOf(',');
  const lastPoint = digits.lastIndexOf('.');
  const commas = digits.split(',').length - 1;
  const points = digits.split('.').length - 1;
  let decimal: ',' | '.' | null = null;
  if (commas > 0 && points > 0) decimal = lastComma > lastPoint ? ',' : '.';
  else if (commas === 1) decimal = ',';
  else if (points === 1) decimal = '.';
  const [whole, fraction = ''] = decimal ? splitLast(digits, decimal) : [digits, ''];
  const grouped = whole.split(/[.,]/);
  // Grouping marks: one kind only, and groups of three after the first.
  if (decimal && whole.includes(decimal)) return { ok: false, reason: 'invalidNumber' };
  if (grouped.length > 1 && (grouped[0] === '' || grouped.slice(1).some((g) => g.length !== 3)))
    return { ok: false, reason: 'invalidNumber' };
  if (/[.,]/.test(fraction) || (decimal && fraction === ''))
    return { ok: false, reason: 'invalidNumber' };
  const number = Number(`${match[1]}${grouped.join('') || '0'}.${fraction || '0'}`);
  return Number.isFinite(number)
    ? { ok: true, value: number }
    : { ok: false, reason: 'invalidNumber' };
}

function splitLast(text: string, mark: string): [string, string] {
  const at = text.lastIndexOf(mark);
  return [text.slice(0, at), text.slice(at + 1)];
}

export type ParsedYesNo =
  { ok: true; value: boolean | null } | { ok: false; reason: 'invalidYesNo' };

// Keys as foldText leaves them, without spaces, dashes or underscores ("opt-in" is "optin").
const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'o', 'vrai', 'x', 'optin', 'optedin']);
const YES_TOO = ['subscribed', 'abonne', 'abonnee', 'inscrit', 'inscrite', 'accepte', 'granted'];
const NO = new Set(['no', 'n', 'false', '0', 'non', 'faux', 'optout', 'optedout']);
const NO_TOO = ['unsubscribed', 'notsubscribed', 'desabonne', 'desabonnee', 'desinscrit', 'refuse'];
// Mailchimp "cleaned" (the address bounced) and "pending" (not confirmed yet) are no answer.
const NO_ANSWER = new Set(['', 'cleaned', 'pending', 'nonrenseigne', 'unknown', 'inconnu']);
for (const word of YES_TOO) YES.add(word);
for (const word of NO_TOO) NO.add(word);

/**
 * A yes/no cell: yes/no, y/n, true/false, 1/0, oui/non, vrai/faux, an "x" for yes, and the
 * marketing words of Shopify ("yes"/"no"), HubSpot ("true"/"false") and Mailchimp
 * ("subscribed"/"unsubscribed"). Empty is null: the question was not asked.
 */
export function parseYesNo(value: string): ParsedYesNo {
  const key = foldText(cleanText(value)).replace(/[\s_-]/g, '');
  if (NO_ANSWER.has(key)) return { ok: true, value: null };
  if (YES.has(key)) return { ok: true, value: true };
  if (NO.has(key)) return { ok: true, value: false };
  return { ok: false, reason: 'invalidYesNo' };
}

/**
 * A cell without the marks spreadsheets users add to keep a value as text: a leading
 * apostrophe ('7210448301122, as Shopify writes ids) or an Excel formula ="0612345678"; trimmed.
 */
export function cleanText(value: string): string {
  const text = value.trim();
  const formula = /^="(.*)"$/s.exec(text);
  if (formula) return formula[1]!.trim();
  return text.startsWith("'") ? text.slice(1).trim() : text;
}
