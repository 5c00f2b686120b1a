import { formatPhone as phoneFor } from '../../shared/domain/validation/phone';

// Intl formatters are slow to build and fast to use: one per language and style.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) cache.set(key, (format = make()));
  return format;
}

export function formatDate(language: string, at: number | string): string {
  const date = typeof at === 'string' ? new Date(`${at}T00:00:00`) : at;
  return cached(
    `d:${language}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
  ).format(date);
}

export function formatDateTime(language: string, at: number): string {
  return cached(
    `dt:${language}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(at);
}

export function formatMoney(language: string, minor: number, currency: string): string {
  return cached(
    `m:${language}:${currency}`,
    () => new Intl.NumberFormat(language, { style: 'currency', currency }),
  ).format(minor / 100);
}

/** "12,50" or "12.50" typed by a user, to minor units; null when it is not an amount. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0€$£]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{0,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export function moneyInput(minor: number): string {
  return (minor / 100).toFixed(2);
}

export function formatNumber(language: string, value: number): string {
  return cached(`n:${language}`, () => new Intl.NumberFormat(language)).format(value);
}

const shownPhones = new Map<string, string>();
const SHOWN_PHONES_MAX = 5000;

/**
 * A stored phone (E.164) in the national format of the file's country, else international.
 * Remembered: reading a number with libphonenumber costs ~20 µs, and a list redrawn at each
 * keystroke shows the same numbers again.
 */
export function formatPhone(phone: string, country: string): string {
  if (!phone) return '';
  const key = `${country}|${phone}`;
  let shown = shownPhones.get(key);
  if (shown === undefined) {
    if (shownPhones.size >= SHOWN_PHONES_MAX) shownPhones.clear();
    shown = phoneFor(phone, country);
    shownPhones.set(key, shown);
  }
  return shown;
}
