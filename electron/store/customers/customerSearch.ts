import type { Customer } from '../../../shared/domain/customer';
import { foldText } from './sortKey';

/**
 * Search as you type over the decrypted working set: accent- and case-free ("helene" finds
 * "Hélène"), every word of the query must match, a phone is found whatever its format.
 *
 * Ranking, best first: the full name typed; a last name; a first name; the start of any other
 * word (email parts, city, tags, phone digits); anywhere inside a word. Within a rank, the
 * list's current order is kept, so ranking is a bucket pass, not a sort.
 */

interface Entry {
  /** ' ' + every folded word, ' '-separated: ' ' + token finds a word start. */
  words: string;
  first: string;
  last: string;
  /** Phone digits as typed and in national and international forms, '|'-separated. */
  phones: string;
}

export const RANKS = 5;
const NO_MATCH = -1;

/** Word separators inside an email or a tag, so "dupont" finds marie.dupont@… */
const SPLIT = /[\s.@_+\-/,;:'’()]+/;

/** The forms a person may type a phone in: 06 12…, +33 6 12…, 0033 6 12…. */
export function phoneForms(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  if (!digits) return [];
  const forms = new Set([digits]);
  const international = phone.trim().startsWith('+')
    ? digits
    : digits.startsWith('00')
      ? digits.slice(2)
      : null;
  // French and British numbers (the demo's and most users'): country code <-> trunk zero.
  if (international?.startsWith('33') || international?.startsWith('44')) {
    forms.add(`0${international.slice(2)}`).add(international);
  } else if (digits.startsWith('0') && digits.length >= 9) {
    forms.add(`33${digits.slice(1)}`).add(`44${digits.slice(1)}`);
  }
  return [...forms];
}

export function entryOf(customer: Customer): Entry {
  const first = foldText(customer.firstName);
  const last = foldText(customer.lastName);
  const email = foldText(customer.email);
  const parts = [first, last, email, ...email.split(SPLIT), foldText(customer.city)];
  for (const tag of customer.tags) parts.push(...foldText(tag).split(SPLIT));
  return {
    words: ` ${parts.filter(Boolean).join(' ')}`,
    first,
    last,
    phones: phoneForms(customer.phone).join('|'),
  };
}

export interface Token {
  text: string;
  /** ' ' + text: finds the word at the start of a word. */
  spaced: string;
  /** Set when the word is a phone number or part of one. */
  digits: string | null;
}

/** Words of the query; consecutive groups of digits ("06 12 34") make one phone token. */
export function parseQuery(query: string): Token[] {
  const tokens: Token[] = [];
  let phone = '';
  const endPhone = () => {
    const digits = phone.replace(/\D/g, '');
    // 0033… is how +33… is dialled from abroad: search the international form.
    if (phone) {
      const international = digits.startsWith('00') ? digits.slice(2) : digits;
      tokens.push({ text: phone, spaced: ` ${phone}`, digits: international });
    }
    phone = '';
  };
  for (const part of foldText(query).split(/\s+/).filter(Boolean)) {
    if (/^[+(]?\d[\d().-]*$/.test(part)) {
      phone += part;
      continue;
    }
    endPhone();
    tokens.push({ text: part, spaced: ` ${part}`, digits: null });
  }
  endPhone();
  return tokens;
}

/** The rank of a customer for the query's tokens (0 best), or -1 when it does not match. */
export function rankOf(entry: Entry, tokens: Token[], whole: string): number {
  if (isFullName(entry, whole)) return 0;
  // Hot loop (100k entries per keystroke): no allocation, no closure.
  let rank = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    let level = NO_MATCH;
    if (token.digits !== null && entry.phones.includes(token.digits)) level = 3;
    if (level === NO_MATCH) {
      if (entry.last.startsWith(token.text)) level = 1;
      else if (entry.first.startsWith(token.text)) level = 2;
      else {
        const at = entry.words.indexOf(token.text);
        if (at === -1) return NO_MATCH;
        level = entry.words.includes(token.spaced, at - 1) ? 3 : 4;
      }
    }
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

/**
 * True when every match of `next` is a match of `previous`: the same words, the last one
 * typed further, maybe more words. Each word matches by prefix or inside, so extending a word
 * or adding one can only narrow.
 */
export function narrows(previous: Token[], next: Token[]): boolean {
  if (previous.length === 0 || next.length < previous.length) return false;
  return previous.every((token, i) => {
    const other = next[i]!;
    if ((token.digits === null) !== (other.digits === null)) return false;
    const same = token.digits === null ? token.text : token.digits;
    const typed = other.digits === null ? other.text : other.digits;
    return i < previous.length - 1 ? typed === same : typed.startsWith(same);
  });
}

/**
 * The search index: one entry per customer, built once, kept in step with every write.
 * Entries live in slots (numbers): a keystroke walks typed arrays, not 100k Map lookups.
 */
export class CustomerSearch {
  private readonly slotOf = new Map<string, number>();
  private readonly ids: string[] = [];
  private entries: (Entry | undefined)[] = [];
  private ordered: { order: readonly string[]; slots: Int32Array } | null = null;
  /** The last query's matches in list order: typing one more letter only narrows them. */
  private last: {
    whole: string;
    tokens: Token[];
    order: readonly string[];
    matches: Int32Array;
    found: string[];
  } | null = null;

  constructor(private readonly customer: (id: string) => Customer | undefined) {}

  /** Ids matching `query`, best rank first, in `order` within a rank. */
  search(query: string, order: readonly string[]): string[] {
    const whole = foldText(query).trim().replace(/\s+/g, ' ');
    const tokens = parseQuery(query);
    if (tokens.length === 0) return [...order];
    // The next page of the same search (scrolling): nothing to compute.
    if (this.last?.whole === whole && this.last.order === order) return this.last.found;
    const candidates =
      this.last !== null && this.last.order === order && narrows(this.last.tokens, tokens)
        ? this.last.matches
        : this.slotsFor(order);
    const matches = new Int32Array(candidates.length);
    const ranks = new Uint8Array(candidates.length);
    let count = 0;
    for (let i = 0; i < candidates.length; i++) {
      const slot = candidates[i]!;
      const rank = rankOf(this.entry(slot), tokens, whole);
      if (rank === NO_MATCH) continue;
      matches[count] = slot;
      ranks[count++] = rank;
    }
    const found: string[] = [];
    for (let rank = 0; rank < RANKS; rank++) {
      for (let i = 0; i < count; i++) if (ranks[i] === rank) found.push(this.ids[matches[i]!]!);
    }
    this.last = { whole, tokens, order, matches: matches.slice(0, count), found };
    return found;
  }

  /** Builds entries ahead of the first search, in slices, yielding between them. */
  async warm(ids: Iterable<string>, slice = 5000): Promise<void> {
    let done = 0;
    for (const id of ids) {
      this.entry(this.slot(id));
      if (++done % slice === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /** Customers changed or were deleted: their entries are rebuilt when next needed. */
  forget(ids: Iterable<string>): void {
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) this.entries[slot] = undefined;
    }
    this.last = null;
  }

  clear(): void {
    this.slotOf.clear();
    this.ids.length = 0;
    this.entries = [];
    this.ordered = null;
    this.last = null;
  }

  private slotsFor(order: readonly string[]): Int32Array {
    if (this.ordered?.order !== order) {
      const slots = new Int32Array(order.length);
      for (let i = 0; i < order.length; i++) slots[i] = this.slot(order[i]!);
      this.ordered = { order, slots };
    }
    return this.ordered.slots;
  }

  private slot(id: string): number {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.ids.push(id) - 1;
      this.slotOf.set(id, slot);
    }
    return slot;
  }

  private entry(slot: number): Entry {
    let entry = this.entries[slot];
    if (!entry) {
      const customer = this.customer(this.ids[slot]!);
      // A deleted customer keeps its slot with an entry that matches nothing.
      entry = customer ? entryOf(customer) : { words: '', first: '', last: '', phones: '' };
      this.entries[slot] = entry;
    }
    return entry;
  }
}
