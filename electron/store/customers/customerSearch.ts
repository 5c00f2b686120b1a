import type { Customer } from '../../../shared/domain/customer';
import { yieldToEvents } from '../../../shared/async/yieldToEvents';
import { foldText } from '../../../shared/domain/fold';
import {
  EMPTY,
  NO_MATCH,
  parseQuery,
  readCustomer,
  rankOf,
  type Entry,
  type Token,
  type Indexable,
} from './searchEntry';

/**
 * Search as you type over the decrypted working set: accent- and case-free ("helene" finds
 * "Hélène"), every word of the query must match the start of a word (name, email part, city,
 * tag), and a phone is found whatever its format: by its start, or by any 3 digits or more
 * anywhere in it.
 *
 * Ranking, best first: the full name typed; a last name; a first name; any other word or the
 * phone. Within a rank the list's current order is kept, so ranking is a bucket pass.
 *
 * Speed: an index of buckets gives, for a word of the query, a superset of its matches; each
 * candidate is then checked against its current entry. Words are filed once per distinct word
 * (customers share most of theirs: first names, cities, email domains), and each distinct word
 * is listed under its first one to eight letters, so a prefix's bucket is the lists of the words
 * starting so. Phones are filed by their first digit, first two, and each run of three. A
 * changed customer is only added to new lists: a stale member fails the check, so the index
 * never needs rebuilding.
 */

const RANKS = 4;
const INITIALS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
/**
 * Words are filed under their first one to eight letters: a word of the query up to eight
 * letters reads its matches and their ranks from one bucket, without touching a customer's
 * entry (at 100k, checking entries costs ~0.5-2 µs each in memory reads: 5 ms for "mart"
 * against "mar", 10-12 ms for "francois" against "franco" when only six were filed).
 */
const PREFIX_LETTERS = 8;
/** Changed customers filed at once by `forget`; more are filed in the background. */
const FILED_AT_ONCE = 2000;

/** How many first characters two strings share. */
function sharedStart(a: string, b: string): number {
  const end = Math.min(a.length, b.length);
  let n = 0;
  while (n < end && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/**
 * A filing of a customer in a word's list: its slot, and how many first letters (at most 15)
 * the word shares with its last name and with its first name, from which the rank of any
 * prefix of the word up to PREFIX_LETTERS follows. Phone filings share none: rank 3.
 * Slots stay below 2^23 (8 million customers) to keep filings small integers.
 */
const SLOT_SHIFT = 8;
const slotOf = (filed: number) => filed >> SLOT_SHIFT;
function filingOf(slot: number, word: string, entry: Entry): number {
  const inLast = Math.min(sharedStart(word, entry.last), 15);
  const inFirst = Math.min(sharedStart(word, entry.first), 15);
  return (slot << SLOT_SHIFT) | (inLast << 4) | inFirst;
}
/** The rank a one-word query of `letters` letters, a prefix of the filed word, gives. */
function rankAt(filed: number, letters: number): number {
  return letters <= ((filed >> 4) & 15) ? 1 : letters <= (filed & 15) ? 2 : 3;
}
const NONE: readonly number[][] = [];

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
  if (!token.plain || token.text.length > PREFIX_LETTERS) return null;
  if (digits !== null && digits.length > 3) return null;
  const keys = [`w${token.text}`];
  // Two digits: a phone starting so; three: a phone with them anywhere, as its runs are filed.
  if (digits) keys.push(digits.length === 3 ? `t${digits}` : `p${digits}`);
  return keys;
}

/**
 * Ways to get every candidate for one word of the query, each a list of buckets: a long phone
 * number has one per run of three of its digits, and the search takes the smallest. None for
 * a word of separators only ("-"), which can only be scanned for.
 */
function bucketsFor(token: Token): string[][] {
  const word = `w${token.head.slice(0, PREFIX_LETTERS)}`;
  const digits = token.digits;
  if (!token.head) return [];
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
  /** Filings (see `filingOf`) by distinct word; the lists of the words under each prefix. */
  private vocabulary = new Map<string, number[]>();
  private prefixes = new Map<string, number[][]>();
  /** Filings by phone key (see START1); which keys the customer being filed has had. */
  private digits: (number[] | undefined)[] = [];
  private phoneKeysFiled = new Uint32Array(RUN3 + 1000);
  private phoneRound = 0;
  /**
   * Searches use the index once every customer known at unlock has been filed (`warmed`) and
   * no bulk change is being filed in the background (`filing`); until then they scan.
   */
  private warmed = false;
  private filing = 0;
  private get ready(): boolean {
    return this.warmed && this.filing === 0;
  }
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
    const ways = exact
      ? []
      : tokens.flatMap((token) =>
          bucketsFor(token).map((way) => way.flatMap((k) => this.bucket(k))),
        );
    if (this.ready && !options.scan && exact) {
      // One short word: its buckets hold exactly its matches, each with what gives its rank.
      const round = this.nextRound();
      const unique: number[] = [];
      const letters = tokens[0]!.text.length;
      for (const key of exact) {
        for (const list of this.bucket(key)) {
          for (const filed of list) {
            const slot = slotOf(filed);
            const rank = this.dirty[slot]
              ? rankOf(this.entry(slot), tokens, whole, spaced)
              : rankAt(filed, letters);
            if (rank === NO_MATCH) continue;
            if (this.stamp[slot] !== round) {
              this.stamp[slot] = round;
              this.best[slot] = rank;
              unique.push(slot);
            } else if (rank < this.best[slot]!) this.best[slot] = rank;
          }
        }
      }
      for (const slot of unique) {
        const at = position[slot];
        if (at !== undefined && at >= 0) hit(at, this.best[slot]!);
      }
    } else if (this.ready && !options.scan && ways.length > 0) {
      // Candidates from the word of the query with the smallest buckets, each checked once.
      const round = this.nextRound();
      for (const bucket of smallest(ways)) {
        for (const filed of bucket) {
          const slot = slotOf(filed);
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
    this.warmed = true;
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

  /**
   * Customers were created, changed or deleted: file them again as they are now. A few at once
   * (an edit, a bulk tag) are filed here; many (an import, a demo load: 100k would take 1-2 s)
   * in the background, searches scanning meanwhile.
   */
  forget(ids: Iterable<string>): void {
    const list = [...ids];
    const now = list.length <= FILED_AT_ONCE;
    for (const id of list) {
      const slot = this.slot(id);
      this.grow();
      // Old filings, if any, are stale now: its rank is computed from its entry from here on.
      // A customer never filed (new, as in a demo load or an import) has none: its filings stay trusted.
      if (this.entries[slot] !== undefined) this.dirty[slot] = 1;
      this.entries[slot] = undefined;
      if (now) this.entry(slot);
    }
    if (!now) void this.refile(list);
    this.last = null;
    this.initials = { order: null, found: new Map() };
  }

  /** Files a bulk change in slices; searches scan until every such job is done. */
  private async refile(ids: string[]): Promise<void> {
    const generation = this.generation;
    this.filing++;
    try {
      for (let i = 0; i < ids.length; i++) {
        if (this.generation !== generation) return; // cleared meanwhile
        this.entry(this.slot(ids[i]!));
        if (i % 5000 === 4999) await yieldToEvents();
      }
    } finally {
      if (this.generation === generation) this.filing--;
    }
  }

  clear(): void {
    this.generation++;
    this.filing = 0;
    this.slotOf.clear();
    this.ids.length = 0;
    this.entries = [];
    this.vocabulary = new Map();
    this.prefixes = new Map();
    this.digits = [];
    this.stamp = new Uint32Array(0);
    this.dirty = new Uint8Array(0);
    this.best = new Uint8Array(0);
    this.warmed = false;
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
      const read = customer ? readCustomer(customer) : { entry: EMPTY, plain: [], forms: [] };
      entry = read.entry;
      this.entries[slot] = entry;
      this.file(slot, read);
    }
    return entry;
  }

  /** Two letters or digits that start a word or a phone of many customers ("fr", "06"). */
  private commonPairs(customers: number): string[] {
    const many = customers / 16;
    const pairs: string[] = [];
    for (const [prefix, lists] of this.prefixes)
      if (prefix.length === 2 && filings(lists) > many) pairs.push(prefix);
    for (let pair = 0; pair < 100; pair++) {
      const digits = String(pair).padStart(2, '0');
      if ((this.digits[START2 + pair]?.length ?? 0) > many && !pairs.includes(digits))
        pairs.push(digits);
    }
    return pairs;
  }

  /** The lists of a key as the search names it: `w` + letters, `p` + 1-2 digits, `t` + 3. */
  private bucket(key: string): readonly number[][] {
    if (key[0] === 'w') return this.prefixes.get(key.slice(1)) ?? NONE;
    const n = Number(key.slice(1));
    const list =
      this.digits[key[0] === 't' ? RUN3 + n : key.length === 2 ? START1 + n : START2 + n];
    return list ? [list] : NONE;
  }

  /**
   * Files an entry: in the list of each of its words (a word seen for the first time is listed
   * under its first one to PREFIX_LETTERS letters), and each phone form under its first digit,
   * first two, and every run of three.
   */
  private file(slot: number, { entry, plain, forms }: Indexable): void {
    for (const word of plain) {
      let list = this.vocabulary.get(word);
      if (!list) {
        this.vocabulary.set(word, (list = []));
        this.listUnderPrefixes(word, list);
      }
      list.push(filingOf(slot, word, entry));
    }
    const base = slot << SLOT_SHIFT;
    // A phone's forms share most of their digits (0612…, 33612…): each key is filed once.
    const stamp = ++this.phoneRound;
    const filed = this.phoneKeysFiled;
    const fileKey = (index: number) => {
      if (filed[index] === stamp) return;
      filed[index] = stamp;
      const bucket = this.digits[index];
      if (bucket) bucket.push(base);
      else this.digits[index] = [base];
    };
    for (const form of forms) {
      fileKey(START1 + digitAt(form, 0));
      if (form.length >= 2) fileKey(START2 + digitAt(form, 0) * 10 + digitAt(form, 1));
      for (let i = 0; i + 3 <= form.length; i++)
        fileKey(RUN3 + digitAt(form, i) * 100 + digitAt(form, i + 1) * 10 + digitAt(form, i + 2));
    }
  }

  private listUnderPrefixes(word: string, list: number[]): void {
    const end = Math.min(word.length, PREFIX_LETTERS);
    for (let n = 1; n <= end; n++) {
      const prefix = word.slice(0, n);
      const lists = this.prefixes.get(prefix);
      if (lists) lists.push(list);
      else this.prefixes.set(prefix, [list]);
    }
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
function smallest(options: (readonly number[])[][]): (readonly number[])[] {
  let best = options[0]!;
  let size = Infinity;
  for (const buckets of options) {
    const total = filings(buckets);
    if (total < size) {
      best = buckets;
      size = total;
    }
  }
  return best;
}

function filings(lists: readonly (readonly number[])[]): number {
  let total = 0;
  for (const list of lists) total += list.length;
  return total;
}
