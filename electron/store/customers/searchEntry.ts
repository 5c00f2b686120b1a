import type { Customer } from '../../../shared/domain/customer';
import { foldText } from '../../../shared/domain/fold';
import { phoneSearchForms } from '../../../shared/domain/validation/phone';

/**
 * What search sees of a customer (its entry: folded words, names and phone forms) and of a
 * query (its tokens), and the rank of one against the other. The index in `customerSearch.ts`
 * only narrows down which entries to check.
 */

export interface Entry {
  /** ' ' + every folded word, ' '-separated: ' ' + word of the query finds a word start. */
  words: string;
  first: string;
  last: string;
  /** '|' + each phone form + '|': as typed, national and international. */
  phones: string;
}

export interface Token {
  text: string;
  /** ' ' + text: a word starting with text. */
  spaced: string;
  /** Digits, when the word is (part of) a phone number; '|' + digits: a form starting so. */
  digits: string | null;
  barred: string;
  /**
   * The text's first run without separators ("d" for "d'arc", "06" for "(06)"): every value
   * the text starts has a plain word starting so. Empty when the text is all separators.
   */
  head: string;
  /** No separator in the text: it can only start a plain word. */
  plain: boolean;
}

export const NO_MATCH = -1;
export const EMPTY: Entry = { words: '', first: '', last: '', phones: '' };

/** Word separators inside an email, a city or a tag, so "dupont" finds marie.dupont@… */
const SPLIT = /[\s.@_+\-/,;:'’()]+/;
const HAS_SEPARATOR = /[\s.@_+\-/,;:'’()]/;

/** The forms a person may type a phone in: 06 12…, +33 6 12…, 0033 6 12…. */
export function phoneForms(phone: string): string[] {
  if (phone === '') return [];
  const digits = phone.replace(/\D/g, '');
  if (!digits) return [];
  const forms = [digits];
  const add = (form: string) => {
    if (!forms.includes(form)) forms.push(form);
  };
  const international = phone.trimStart().startsWith('+')
    ? digits
    : digits.startsWith('00')
      ? digits.slice(2)
      : null;
  // French and British numbers (the demo's and most users'): country code <-> trunk zero, fast.
  if (international?.startsWith('33') || international?.startsWith('44')) {
    add(`0${international.slice(2)}`);
    add(international);
  } else if (international !== null) {
    // Any other country: its national form needs libphonenumber's metadata (slower, rarer).
    for (const form of phoneSearchForms(`+${international}`)) add(form);
  } else if (digits.startsWith('0') && digits.length >= 9) {
    add(`33${digits.slice(1)}`);
    add(`44${digits.slice(1)}`);
  }
  return forms;
}

/**
 * What the index files of a customer: its `plain` folded words ("marie", "dupont", "orange",
 * "fr", "lyon"). Whole values with separators in them ("d'arc", "marie.dupont@orange.fr") are
 * in the entry only, matched by the check: each starts with a plain word.
 */
export interface Indexable {
  entry: Entry;
  plain: readonly string[];
  /** Each phone's forms (see `phoneForms`). */
  forms: readonly string[];
}

/** A customer's entry and plain words, read in one pass (the bulk of the index build). */
export function readCustomer(customer: Customer): Indexable {
  const plain: string[] = [];
  const joined: string[] = [];
  const first = addValue(customer.firstName, plain, joined);
  const last = addValue(customer.lastName, plain, joined);
  addWords(foldText(customer.email), plain, joined);
  for (const email of customer.additionalEmails) addWords(foldText(email), plain, joined);
  addValue(customer.company, plain, joined);
  addValue(customer.city, plain, joined);
  for (const tag of customer.tags) addValue(tag, plain, joined);
  let forms = phoneForms(customer.phone);
  for (const phone of customer.additionalPhones) forms = forms.concat(phoneForms(phone));
  const words = joined.length === 0 ? plain : plain.concat(joined);
  return {
    entry: {
      words: ` ${words.join(' ')}`,
      first,
      last,
      phones: forms.length ? `|${forms.join('|')}|` : '',
    },
    plain,
    forms,
  };
}

/**
 * Names, companies, cities and tags repeat from customer to customer: each distinct value is
 * folded and cut once (a third of the index build at 100k), up to a bound on what is kept.
 */
interface ValueWords {
  folded: string;
  plain: readonly string[];
  joined: readonly string[];
}
const repeated = new Map<string, ValueWords>();
const REPEATED_KEPT = 50_000;

/** Adds a value's words; returns it folded. */
function addValue(value: string, plain: string[], joined: string[]): string {
  if (value === '') return '';
  let words = repeated.get(value);
  if (words === undefined) {
    if (repeated.size >= REPEATED_KEPT) repeated.clear();
    const folded = foldText(value);
    const own = { folded, plain: [] as string[], joined: [] as string[] };
    addWords(folded, own.plain, own.joined);
    repeated.set(value, (words = own));
  }
  for (const word of words.plain) if (!plain.includes(word)) plain.push(word);
  for (const word of words.joined) if (!joined.includes(word)) joined.push(word);
  return words.folded;
}

/** Adds a folded value's words, once each; a customer has about seven, so a list is enough. */
function addWords(folded: string, plain: string[], joined: string[]): void {
  if (folded === '') return;
  // Most values are one plain word ("martin", "lyon"): no splitting needed.
  if (!HAS_SEPARATOR.test(folded)) {
    if (!plain.includes(folded)) plain.push(folded);
    return;
  }
  for (const whole of folded.split(/\s+/))
    if (HAS_SEPARATOR.test(whole) && !joined.includes(whole)) joined.push(whole);
  for (const word of folded.split(SPLIT)) if (word && !plain.includes(word)) plain.push(word);
}

/** Words of the query; consecutive groups of digits ("06 12 34") make one phone token. */
export function parseQuery(query: string): Token[] {
  const tokens: Token[] = [];
  const push = (text: string, digits: string | null) => {
    const head = text.split(SPLIT).find(Boolean) ?? '';
    tokens.push({
      text,
      spaced: ` ${text}`,
      digits,
      barred: `|${digits ?? ''}`,
      head,
      plain: head === text,
    });
  };
  let phone = '';
  const endPhone = () => {
    const digits = phone.replace(/\D/g, '');
    // 0033… is how +33… is dialled from abroad: search the international form.
    if (phone) push(phone, digits.startsWith('00') ? digits.slice(2) : digits);
    phone = '';
  };
  for (const part of foldText(query).split(/\s+/).filter(Boolean)) {
    if (/^[+(]?\d[\d().-]*$/.test(part)) {
      phone += part;
      continue;
    }
    endPhone();
    push(part, null);
  }
  endPhone();
  return tokens;
}

/** Short digit runs match the start of a phone; three digits or more match anywhere in it. */
function phoneMatches(entry: Entry, token: Token): boolean {
  if (token.digits === null || token.digits === '' || entry.phones === '') return false;
  return token.digits.length >= 3
    ? entry.phones.includes(token.digits)
    : entry.phones.includes(token.barred);
}

/** The rank of a customer for the query's tokens (0 best), or -1 when it does not match. */
export function rankOf(
  entry: Entry,
  tokens: Token[],
  whole: string,
  spaced = whole.includes(' '),
): number {
  // A full name has a space in it: most queries have none, and skip the check.
  if (spaced && isFullName(entry, whole)) return 0;
  let rank = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    let level: number;
    if (entry.last.startsWith(token.text)) level = 1;
    else if (entry.first.startsWith(token.text)) level = 2;
    else if (phoneMatches(entry, token) || entry.words.includes(token.spaced)) level = 3;
    else return NO_MATCH;
    if (level > rank) rank = level;
  }
  return rank;
}

/** "first last" or "last first", compared without building either string. */
function isFullName(entry: Entry, whole: string): boolean {
  const { first, last } = entry;
  if (!first || !last || whole.length !== first.length + last.length + 1) return false;
  return (
    (whole.startsWith(first) && whole.charCodeAt(first.length) === 32 && whole.endsWith(last)) ||
    (whole.startsWith(last) && whole.charCodeAt(last.length) === 32 && whole.endsWith(first))
  );
}
