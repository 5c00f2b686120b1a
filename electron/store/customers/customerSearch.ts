import type { Customer } from '../../../shared/domain/customer';
import { yieldToEvents } from '../../../shared/async/yieldToEvents';
import { foldText } from '../../../shared/domain/fold';
import { phoneSearchForms } from '../../../shared/domain/validation/phone';

/**
 * Search as you type over the decrypted working set: accent- and case-free ("helene" finds
 * "Hélène"), every word of the query must match the start of a word (name, email part, city,
 * tag), and a phone is found whatever its format: by its start, or by any 3 digits or more
 * anywhere in it.
 *
 * Ranking, best first: the full name typed; a last name; a first name; any other word or the
 * phone. Within a rank the list's current order is kept, so ranking is a bucket pass.
 *
 * Speed: an index of buckets (every word's first one to six letters; every phone's first
 * one and two digits and each run of three) gives a superset of the matches for a word of the
 * query; each candidate is then checked against its current entry. A changed customer is only
 * added to new buckets: a stale bucket member fails the check, so the index never needs
 * rebuilding.
 */

interface Entry {
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
}

const RANKS = 4;
const INITIALS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
/**
 * Words are filed under their first one to six letters: a word of the query up to six letters
 * reads its matches and their ranks from one bucket, without touching a customer's entry (at
 * 100k, checking entries costs ~0.5 µs each in memory reads: 5 ms for "mart" against "mar").
 */
const PREFIX_LETTERS = 6;
const NO_MATCH = -1;
const EMPTY: Entry = { words: '', first: '', last: '', phones: '' };

/** Word separators inside an email, a city or a tag, so "dupont" finds marie.dupont@… */
const SPLIT = /[\s.@_+\-/,;:'’()]+/;
const HAS_SEPARATOR = /[\s.@_+\-/,;:'’()]/;

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
  // French and British numbers (the demo's and most users'): country code <-> trunk zero, fast.
  if (international?.startsWith('33') || international?.startsWith('44')) {
    forms.add(`0${international.slice(2)}`).add(international);
  } else if (international !== null) {
    // Any other country: its national form needs libphonenumber's metadata (slower, rarer).
    for (const form of phoneSearchForms(`+${international}`)) forms.add(form);
  } else if (digits.startsWith('0') && digits.length >= 9) {
    forms.add(`33${digits.slice(1)}`).add(`44${digits.slice(1)}`);
  }
  return [...forms];
}

/** Every folded value whole ("d'arc", "marie.dupont@orange.fr") and cut into its words. */
function wordsOf(customer: Customer): string[] {
  const parts = [
    customer.firstName,
    customer.lastName,
    customer.email,
    ...customer.additionalEmails,
    customer.company,
    customer.city,
    ...customer.tags,
  ];
  const words = new Set<string>();
  for (const part of parts) {
    if (part === '') continue;
    const folded = foldText(part);
    // Most values are one plain word ("martin", "lyon"): no splitting needed (a third of warm-up).
    if (!HAS_SEPARATOR.test(folded)) {
      words.add(folded);
      continue;
    }
    for (const whole of folded.split(/\s+/)) if (whole) words.add(whole);
    for (const word of folded.split(SPLIT)) if (word) words.add(word);
  }
  return [...words];
}

export function entryOf(customer: Customer): Entry {
  const forms = [customer.phone, ...customer.additionalPhones].flatMap(phoneForms);
  return {
    words: ` ${wordsOf(customer).join(' ')}`,
    first: foldText(customer.firstName),
    last: foldText(customer.lastName),
    phones: forms.length ? `|${forms.join('|')}|` : '',
  };
}

/** Words of the query; consecutive groups of digits ("06 12 34") make one phone token. */
export function parseQuery(query: string): Token[] {
  const tokens: Token[] = [];
  const push = (text: string, digits: string | null) =>
    tokens.push({ text, spaced: ` ${text}`, digits, barred: `|${digits ?? ''}` });
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

/** How many first characters two strings share. */
function sharedStart(a: string, b: string): number {
  const end = Math.min(a.length, b.length);
  let n = 0;
  while (n < end && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/**
 * Where a phone key's bucket is: a phone's first digit (0-9), its first two (10-109), a run of
 * three digits anywhere (110-1109). Numbers, not strings: a customer has some 30 of them.
 */
const START1 = 0;
const START2 = 10;
const RUN3 = 110;
const digitAt = (form: string, i: number) => form.charCodeAt(i) - 48;

/**
 * For a word of up to PREFIX_LETTERS letters (and at most three digits), the buckets that hold
 * exactly its matches; null when its buckets only hold candidates to check.
 */
function exactKeys(token: Token): string[] | null {
  const digits = token.digits;
  if (token.text.length > PREFIX_LETTERS || (digits !== null && digits.length > 3)) return null;
  const keys = [`w${token.text}`];
  // Two digits: a phone starting so; three: a phone with them anywhere, as its runs are filed.
  if (digits) keys.push(digits.length === 3 ? `t${digits}` : `p${digits}`);
  return keys;
}

/**
 * Ways to get every candidate for one word of the query, each a list of buckets: a long phone
 * number has one per run of three of its digits, and the search takes the smallest.
 */
function bucketsFor(token: Token): string[][] {
  const word = `w${token.text.slice(0, PREFIX_LETTERS)}`;
  const digits = token.digits;
  if (!digits) return [[word]];
  if (digits.length < 3) return [[word, `p${digits}`]];
  const ways: string[][] = [];
  for (let i = 0; i + 3 <= digits.length; i++) ways.push([word, `t${digits.slice(i, i + 3)}`]);
  return ways;
}

/** The search index and the entries it checks against, kept in step with every write. */
export class CustomerSearch {
  private readonly slotOf = new Map<string, number>();
  private readonly ids: string[] = [];
  private entries: (Entry | undefined)[] = [];
  /** Filings (slot * 4 + rank) by word prefix, and by phone key (see START1). */
  private words = new Map<string, number[]>();
  private digits: (number[] | undefined)[] = [];
  /** Set once every customer known at unlock has been filed; until then, searches scan. */
  private ready = false;
  private ordered: { order: readonly string[]; slots: Int32Array; position: Int32Array } | null =
    null;
  private last: { whole: string; order: readonly string[]; found: string[] } | null = null;
  private stamp = new Uint32Array(0);
  /** Per slot: the best rank seen in this search; whether it changed since it was filed. */
  private best = new Uint8Array(0);
  private dirty = new Uint8Array(0);
  private generation = 0;
  private round = 0;
  /** Per list position: 1 + the rank of a match in the current search, else 0 (reused). */
  private marks = new Uint8Array(0);
  /**
   * The answers to every one-character search, and to the two-character ones that match many
   * customers ("fr", "06"), in one list order, worked out in the background once the index is
   * ready: these match tens of thousands of customers (10-20 ms each at 100k), and they are the
   * first keys anyone presses.
   */
  private initials: { order: readonly string[] | null; found: Map<string, string[]> } = {
    order: null,
    found: new Map(),
  };

  constructor(private readonly customer: (id: string) => Customer | undefined) {}

  /** Ids matching `query`, best rank first, in `order` within a rank. */
  search(
    query: string,
    order: readonly string[],
    options: { scan?: boolean; keepLast?: boolean } = {},
  ): string[] {
    const whole = foldText(query).trim().replace(/\s+/g, ' ');
    const tokens = parseQuery(query);
    if (tokens.length === 0) return [...order];
    const spaced = whole.includes(' ');
    // The next page of the same search (scrolling): nothing to compute.
    if (!options.scan && this.last?.whole === whole && this.last.order === order) {
      return this.last.found;
    }
    const initial = this.initials.order === order ? this.initials.found.get(whole) : undefined;
    if (initial && !options.scan) {
      this.last = { whole, order, found: initial };
      return initial;
    }
    const { slots, position } = this.slotsFor(order);
    // Matches are collected as (position in the list, rank); see `inListOrder`.
    const hits: number[] = [];
    const hitRanks: number[] = [];
    const hit = (at: number, rank: number) => {
      hits.push(at);
      hitRanks.push(rank);
    };
    const consider = (slot: number) => {
      const at = position[slot];
      if (at === undefined || at < 0) return; // not in this list
      const rank = rankOf(this.entry(slot), tokens, whole, spaced);
      if (rank !== NO_MATCH) hit(at, rank);
    };
    const exact = tokens.length === 1 ? exactKeys(tokens[0]!) : null;
    if (this.ready && !options.scan && exact) {
      // One short word: its buckets hold exactly its matches, each filed with its rank.
      const round = this.nextRound();
      const unique: number[] = [];
      for (const key of exact) {
        for (const filed of this.bucket(key) ?? []) {
          const slot = filed >> 2;
          const rank = this.dirty[slot]
            ? rankOf(this.entry(slot), tokens, whole, spaced)
            : filed & 3;
          if (rank === NO_MATCH) continue;
          if (this.stamp[slot] !== round) {
            this.stamp[slot] = round;
            this.best[slot] = rank;
            unique.push(slot);
          } else if (rank < this.best[slot]!) this.best[slot] = rank;
        }
      }
      for (const slot of unique) {
        const at = position[slot];
        if (at !== undefined && at >= 0) hit(at, this.best[slot]!);
      }
    } else if (this.ready && !options.scan) {
      // Candidates from the word of the query with the smallest buckets, each checked once.
      const round = this.nextRound();
      const seed = smallest(
        tokens.flatMap((token) =>
          bucketsFor(token).map((way) => way.map((k) => this.bucket(k) ?? [])),
        ),
      );
      for (const bucket of seed) {
        for (const filed of bucket) {
          const slot = filed >> 2;
          if (this.stamp[slot] === round) continue;
          this.stamp[slot] = round;
          consider(slot);
        }
      }
    } else {
      for (let i = 0; i < slots.length; i++) consider(slots[i]!);
    }
    const found = this.inListOrder(hits, hitRanks, order);
    if (!options.scan && !options.keepLast) this.last = { whole, order, found };
    return found;
  }

  /**
   * Best rank first, list order within a rank. A few matches are sorted; many (the first
   * letter typed: tens of thousands) are marked in a table of list positions and read back in
   * one pass per rank, which costs a scan of the list instead of a sort of the matches.
   */
  private inListOrder(hits: number[], ranks: number[], order: readonly string[]): string[] {
    const found: string[] = [];
    if (hits.length * 16 < order.length) {
      const byRank: number[][] = Array.from({ length: RANKS }, () => []);
      for (let i = 0; i < hits.length; i++) byRank[ranks[i]!]!.push(hits[i]!);
      for (const list of byRank)
        for (const at of Int32Array.from(list).sort()) found.push(order[at]!);
      return found;
    }
    if (this.marks.length < order.length) this.marks = new Uint8Array(order.length);
    const marks = this.marks;
    for (let i = 0; i < hits.length; i++) marks[hits[i]!] = ranks[i]! + 1;
    // One pass over the list: the best rank straight into `found`, the others set aside.
    const later: string[][] = Array.from({ length: RANKS - 1 }, () => []);
    for (let at = 0; at < order.length; at++) {
      const mark = marks[at]!;
      if (mark === 0) continue;
      marks[at] = 0;
      if (mark === 1) found.push(order[at]!);
      else later[mark - 2]!.push(order[at]!);
    }
    for (const ids of later) for (const id of ids) found.push(id);
    return found;
  }

  /** Files every customer, in slices, yielding between them; searches scan until then. */
  async warm(ids: Iterable<string>, slice = 5000): Promise<void> {
    const generation = this.generation;
    let done = 0;
    for (const id of [...ids]) {
      if (this.generation !== generation) return; // locked meanwhile: nothing to index
      this.entry(this.slot(id));
      // A posted message, not a timer: timers are clamped to 4 ms, 100 times over at 100k.
      if (++done % slice === 0) await yieldToEvents();
    }
    this.ready = true;
  }

  /** Readies the slot table of a list order ahead of the first keystroke. */
  prepare(order: readonly string[]): void {
    this.slotsFor(order);
    void this.workOutInitials(order);
  }

  private async workOutInitials(order: readonly string[]): Promise<void> {
    if (!this.ready || this.initials.order === order) return;
    const initials = { order, found: new Map<string, string[]>() };
    this.initials = initials;
    for (const char of [...INITIALS, ...this.commonPairs(order.length)]) {
      // One search a task, so calls are answered in between; a change or a new order stops it.
      await yieldToEvents();
      if (this.initials !== initials) return;
      initials.found.set(char, this.search(char, order, { scan: false, keepLast: true }));
    }
  }

  /** Customers were created, changed or deleted: file them again as they are now. */
  forget(ids: Iterable<string>): void {
    for (const id of ids) {
      const slot = this.slot(id);
      this.grow();
      // Old filings, if any, are stale now: its rank is computed from its entry from here on.
      // A customer never filed (new, as in a demo load or an import) has none: its filings stay trusted.
      if (this.entries[slot] !== undefined) this.dirty[slot] = 1;
      this.entries[slot] = undefined;
      this.entry(slot);
    }
    this.last = null;
    this.initials = { order: null, found: new Map() };
  }

  clear(): void {
    this.generation++;
    this.slotOf.clear();
    this.ids.length = 0;
    this.entries = [];
    this.words = new Map();
    this.digits = [];
    this.stamp = new Uint32Array(0);
    this.dirty = new Uint8Array(0);
    this.best = new Uint8Array(0);
    this.ready = false;
    this.ordered = null;
    this.last = null;
    this.initials = { order: null, found: new Map() };
  }

  private slotsFor(order: readonly string[]) {
    if (this.ordered?.order !== order) {
      const slots = new Int32Array(order.length);
      for (let i = 0; i < order.length; i++) slots[i] = this.slot(order[i]!);
      const position = new Int32Array(this.ids.length).fill(-1);
      for (let i = 0; i < slots.length; i++) position[slots[i]!] = i;
      this.ordered = { order, slots, position };
    }
    return this.ordered;
  }

  private slot(id: string): number {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.ids.push(id) - 1;
      this.slotOf.set(id, slot);
      this.ordered = null; // positions are per slot: a new slot needs a new table
    }
    return slot;
  }

  private entry(slot: number): Entry {
    let entry = this.entries[slot];
    if (!entry) {
      const customer = this.customer(this.ids[slot]!);
      // A deleted customer keeps its slot with an entry that matches nothing.
      entry = customer ? entryOf(customer) : EMPTY;
      this.entries[slot] = entry;
      this.file(slot, entry);
    }
    return entry;
  }

  /** Two letters or digits that start a word or a phone of many customers ("fr", "06"). */
  private commonPairs(customers: number): string[] {
    const many = customers / 16;
    const pairs: string[] = [];
    for (const [prefix, bucket] of this.words)
      if (prefix.length === 2 && bucket.length > many) pairs.push(prefix);
    for (let pair = 0; pair < 100; pair++) {
      const digits = String(pair).padStart(2, '0');
      if ((this.digits[START2 + pair]?.length ?? 0) > many && !pairs.includes(digits))
        pairs.push(digits);
    }
    return pairs;
  }

  /** The bucket of a key as the search names it: `w` + letters, `p` + 1-2 digits, `t` + 3. */
  private bucket(key: string): number[] | undefined {
    if (key[0] === 'w') return this.words.get(key.slice(1));
    const n = Number(key.slice(1));
    return this.digits[key[0] === 't' ? RUN3 + n : key.length === 2 ? START1 + n : START2 + n];
  }

  /**
   * Files an entry as slot * 4 + the rank a one-word query equal to the key would give it
   * (1 last name, 2 first name, 3 anything else): each word under its first one to
   * PREFIX_LETTERS letters, each phone form under its first digit, first two, and every run of
   * three.
   */
  private file(slot: number, entry: Entry): void {
    const base = slot * 4;
    for (const word of entry.words.split(' ')) {
      if (!word) continue;
      const inLast = sharedStart(word, entry.last);
      const inFirst = sharedStart(word, entry.first);
      const end = Math.min(word.length, PREFIX_LETTERS);
      for (let n = 1; n <= end; n++) {
        const prefix = word.slice(0, n);
        let bucket = this.words.get(prefix);
        if (!bucket) this.words.set(prefix, (bucket = []));
        fileOnce(bucket, base, n <= inLast ? 1 : n <= inFirst ? 2 : 3);
      }
    }
    for (const form of entry.phones.split('|')) {
      if (!form) continue;
      // A phone key ranks 3: when a name also starts so, its word key gives the better rank.
      this.fileDigits(START1 + digitAt(form, 0), base);
      if (form.length >= 2)
        this.fileDigits(START2 + digitAt(form, 0) * 10 + digitAt(form, 1), base);
      for (let i = 0; i + 3 <= form.length; i++) {
        const run = digitAt(form, i) * 100 + digitAt(form, i + 1) * 10 + digitAt(form, i + 2);
        this.fileDigits(RUN3 + run, base);
      }
    }
  }

  private fileDigits(index: number, base: number): void {
    let bucket = this.digits[index];
    if (!bucket) this.digits[index] = bucket = [];
    fileOnce(bucket, base, 3);
  }

  private nextRound(): number {
    this.grow();
    return ++this.round;
  }

  /** Per-slot arrays follow the number of slots. */
  private grow(): void {
    if (this.stamp.length >= this.ids.length) return;
    const size = Math.max(this.ids.length, this.stamp.length * 2);
    const stamp = new Uint32Array(size);
    stamp.set(this.stamp);
    const dirty = new Uint8Array(size);
    dirty.set(this.dirty);
    this.stamp = stamp;
    this.dirty = dirty;
    this.best = new Uint8Array(size);
  }
}

/** Of every way to get a word's candidates (any word of the query), the one with fewest slots. */
function smallest(options: number[][][]): number[][] {
  let best = options[0]!;
  let size = Infinity;
  for (const buckets of options) {
    const total = buckets.reduce((sum, bucket) => sum + bucket.length, 0);
    if (total < size) {
      best = buckets;
      size = total;
    }
  }
  return best;
}

/**
 * One filing per slot and bucket, with its best rank. A slot's filings are made one after
 * another, so its earlier filing in a bucket, if any, is the bucket's last.
 */
function fileOnce(bucket: number[], base: number, rank: number): void {
  const last = bucket.length - 1;
  if (last >= 0 && bucket[last]! - (bucket[last]! & 3) === base) {
    if (rank < (bucket[last]! & 3)) bucket[last] = base + rank;
    return;
  }
  bucket.push(base + rank);
}
