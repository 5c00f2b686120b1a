import type { DuplicatePolicy, ImportRowOutcome, MatchKey } from '../../../shared/contract/imports';
import {
  CONTACTS_MAX,
  EMPTY_CUSTOMER_FIELDS,
  NOTES_MAX,
  TAGS_MAX,
  customerInputSchema,
  hasIdentity,
  type Customer,
  type CustomerDraft,
  type CustomerInput,
} from '../../../shared/domain/customer';
import type { Settings } from '../../../shared/domain/settings';
import { yieldToEvents } from '../../../shared/async/yieldToEvents';
import { AppError, type FieldProblem } from '../../../shared/errors';
import { applyRules } from '../customers/customerRules';

/** One row of a file, read into the customer fields its mapped columns fill. */
export interface ImportRow {
  /** The file line the row starts on (1-based), for every message about it. */
  line: number;
  /** Only the fields the file gives: what a merge may change. */
  draft: CustomerDraft;
  /** Problems found while reading the cells (a date that is not one...). */
  problems: { field: string; rule: string }[];
  /**
   * Every field of `draft` is already the schema's output for that field (the CSV and vCard
   * readers check each one): only the defaults and the name-or-email rule are left to apply.
   */
  fieldsChecked?: boolean;
}

export interface ImportOptions {
  policy: DuplicatePolicy;
  matchOn: readonly MatchKey[];
  /** Added to every customer the import creates or changes, so that it can be found and undone. */
  tag: string;
  /** Checked every ROWS_PER_TURN rows, when the plan lets other calls (and a cancel) in. */
  shouldStop?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

const ROWS_PER_TURN = 2000;

/** What an import will do, decided before anything is written: the preview and the run share it. */
export interface ImportPlan {
  creates: CustomerInput[];
  /** Existing customers the file changes: as they are, and as they will be. */
  updates: Map<string, { before: Customer; next: Customer }>;
  rows: ImportRowOutcome[];
  /** Rows whose unreadable phone was left out of the phones and kept in the notes. */
  phonesKept: number;
}

/**
 * Checks every row and decides its fate: created, merged into an existing customer (or into an
 * earlier row of the same file), skipped as a duplicate, or rejected with its problems.
 *
 * Matching: by the other system's customer id, then email (primary or additional, case-free),
 * then phone (E.164, so "06 12 34 56 78" finds "+33612345678"). Merging, for "fill": a field the customer has empty takes the
 * file's value; for "overwrite": every value the file gives replaces the customer's. In both,
 * lists (tags, interests) are merged, a second email or phone is kept as an additional one, and
 * a consent answer is only taken where the customer has none ("fill") or replaced ("overwrite").
 * Fields the file has no column for are never touched.
 */
export async function planImport(
  rows: readonly ImportRow[] | AsyncIterable<readonly ImportRow[]>,
  existing: Iterable<Customer>,
  settings: Settings,
  now: number,
  options: ImportOptions & { total?: number },
): Promise<ImportPlan> {
  const matcher = new Matcher(options.matchOn);
  const byId = new Map<string, Customer>();
  for (const customer of existing) {
    byId.set(customer.id, customer);
    matcher.add(customer, customer.id);
  }
  const plan: ImportPlan = { creates: [], updates: new Map(), rows: [], phonesKept: 0 };
  const batches = isRowList(rows) ? [rows] : rows;
  const total = options.total ?? (isRowList(rows) ? rows.length : 0);
  let done = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      if (done++ % ROWS_PER_TURN === ROWS_PER_TURN - 1) {
        options.onProgress?.(done - 1, total);
        await yieldToEvents();
        if (options.shouldStop?.()) throw new AppError('CANCELLED', 'The import was cancelled');
      }
      const checked = checkRow(row, settings, now);
      if ('problems' in checked) {
        plan.rows.push({ line: row.line, action: 'reject', problems: checked.problems });
        continue;
      }
      const given = Object.keys(row.draft) as (keyof CustomerInput)[];
      if (checked.phonesKept) {
        plan.phonesKept++;
        if (!given.includes('notes')) given.push('notes');
      }
      const policy = options.policy;
      const match = policy === 'create' ? null : matcher.find(checked.input);
      if (match === null) {
        matcher.add(checked.input, plan.creates.length);
        // The checked row is a new object of its own: tagged in place, not copied (100k rows).
        plan.creates.push(tagged(checked.input, options.tag));
        plan.rows.push({ line: row.line, action: 'create', problems: [] });
      } else if (policy === 'skip' || policy === 'create') {
        plan.rows.push({ line: row.line, action: 'skip', problems: [] });
      } else if (typeof match === 'number') {
        const merged = merge(plan.creates[match]!, checked.input, given, policy);
        plan.creates[match] = merged;
        matcher.add(merged, match);
        plan.rows.push({ line: row.line, action: 'merge', problems: [] });
      } else {
        const before = byId.get(match)!;
        const current = plan.updates.get(match)?.next ?? before;
        const merged = merge(current, checked.input, given, policy);
        const ruled = applyRules(merged, before, settings, now, []);
        if (sameCustomer(ruled, current)) {
          plan.rows.push({ line: row.line, action: 'unchanged', problems: [] });
          continue;
        }
        const next = { ...current, ...withTag(ruled, options.tag) };
        plan.updates.set(match, { before, next });
        matcher.add(next, match);
        plan.rows.push({ line: row.line, action: 'update', problems: [] });
      }
    }
  }
  return plan;
}

function isRowList(
  rows: readonly ImportRow[] | AsyncIterable<readonly ImportRow[]>,
): rows is readonly ImportRow[] {
  return Array.isArray(rows);
}

/** The row as a valid customer (phones in E.164), or every problem it has. */
function checkRow(
  row: ImportRow,
  settings: Settings,
  now: number,
):
  | { input: CustomerInput; phonesKept?: string[] }
  | { problems: { field: string; rule: string }[] } {
  if (row.problems.length > 0) return { problems: row.problems };
  const parsed = row.fieldsChecked
    ? completeDraft(row.draft)
    : customerInputSchema.safeParse(row.draft);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || 'row',
        rule: issue.message,
      })),
    };
  }
  try {
    return { input: applyRules(parsed.data, undefined, settings, now, []) };
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'VALIDATION')) throw error;
    const details = error.details as FieldProblem[];
    const problems = details.map((p) => ({ field: p.path.map(String).join('.'), rule: p.rule }));
    // Only phones libphonenumber cannot read (a fictional 555 number, an extension): the
    // customer comes in without them, each kept word for word in the notes, and the row says
    // so. Anything else rejects the row.
    if (!details.every((p) => p.rule === 'invalidPhone')) return { problems };
    const data = parsed.data;
    const bad = new Set(details.map((p) => p.path.map(String).join('.')));
    const unreadable = [
      ...(bad.has('phone') ? [data.phone] : []),
      ...data.additionalPhones.filter((_, i) => bad.has(`additionalPhones.${i}`)),
    ];
    const readable = data.additionalPhones.filter((_, i) => !bad.has(`additionalPhones.${i}`));
    // Without its first phone, the customer's next readable one becomes the first.
    const [phone, others] = bad.has('phone')
      ? [readable[0] ?? '', readable.slice(1)]
      : [data.phone, readable];
    const kept: CustomerInput = {
      ...data,
      phone,
      additionalPhones: others,
      notes: [data.notes, ...unreadable.map((p) => `☎ ${p}`)]
        .filter((line) => line !== '')
        .join('\n')
        .slice(0, NOTES_MAX),
    };
    try {
      return { input: applyRules(kept, undefined, settings, now, []), phonesKept: unreadable };
    } catch {
      return { problems };
    }
  }
}

/** A draft whose fields are each valid, with the defaults of the fields it lacks. */
function completeDraft(
  draft: CustomerDraft,
): { success: true; data: CustomerInput } | { success: false; error: { issues: Issue[] } } {
  const data = { ...EMPTY_CUSTOMER_FIELDS, ...draft } as CustomerInput;
  if (hasIdentity(data)) return { success: true, data };
  return {
    success: false,
    error: { issues: [{ path: ['lastName'], message: 'nameOrEmailRequired' }] },
  };
}
interface Issue {
  path: PropertyKey[];
  message: string;
}

function tagged(customer: CustomerInput, tag: string): CustomerInput {
  if (!customer.tags.includes(tag) && customer.tags.length < TAGS_MAX)
    customer.tags = [...customer.tags, tag];
  return customer;
}

function withTag<T extends CustomerInput>(customer: T, tag: string): T {
  if (customer.tags.includes(tag) || customer.tags.length >= TAGS_MAX) return customer;
  return { ...customer, tags: [...customer.tags, tag] };
}

const LISTS = ['tags', 'interests'] as const;
const CONTACTS = [
  ['email', 'additionalEmails'],
  ['phone', 'additionalPhones'],
] as const;

/** `incoming`'s given fields merged into `current` (see planImport). */
export function merge<T extends CustomerInput>(
  current: T,
  incoming: CustomerInput,
  given: readonly (keyof CustomerInput)[],
  policy: 'fill' | 'overwrite',
): T {
  const next: T = { ...current };
  const set = <K extends keyof CustomerInput>(key: K, value: CustomerInput[K]) => {
    (next as CustomerInput)[key] = value;
  };
  for (const key of given) {
    const value = incoming[key];
    if (LISTS.includes(key as (typeof LISTS)[number])) {
      const list = key as (typeof LISTS)[number];
      set(list, union(current[list], incoming[list], TAGS_MAX));
    } else if (key === 'consent') {
      const consent = { ...current.consent };
      for (const channel of Object.keys(consent) as (keyof typeof consent)[]) {
        const answer = incoming.consent[channel];
        if (answer !== null && (policy === 'overwrite' || consent[channel] === null))
          consent[channel] = answer;
      }
      set('consent', consent);
    } else if (key === 'custom') {
      set(
        'custom',
        policy === 'overwrite'
          ? { ...current.custom, ...incoming.custom }
          : { ...incoming.custom, ...current.custom },
      );
    } else if (typeof value === 'string' && value !== '') {
      if (policy === 'overwrite' || current[key] === '') set(key, value);
    }
  }
  for (const [primary, others] of CONTACTS) {
    if (!given.includes(primary) && !given.includes(others)) continue;
    const all = union(
      [current[primary], ...current[others]],
      [incoming[primary], ...incoming[others]],
      CONTACTS_MAX + 1,
    ).filter((v) => v !== '');
    const first =
      policy === 'overwrite' && incoming[primary] !== '' ? incoming[primary] : current[primary];
    const main = first !== '' ? first : (all[0] ?? '');
    set(primary, main);
    set(
      others,
      all.filter((v) => v !== main),
    );
  }
  return next;
}

function union(a: readonly string[], b: readonly string[], max: number): string[] {
  return [...new Set([...a, ...b])].slice(0, max);
}

function sameCustomer(a: CustomerInput, b: CustomerInput): boolean {
  return (Object.keys(a) as (keyof CustomerInput)[]).every(
    (key) => JSON.stringify(a[key]) === JSON.stringify(b[key]),
  );
}

/** Finds who a row is, by the other system's id, email then phone, among customers and rows already planned. */
class Matcher {
  private readonly emails = new Map<string, string | number>();
  private readonly phones = new Map<string, string | number>();

  private readonly externalIds = new Map<string, string | number>();
  private readonly byExternalId: boolean;
  private readonly byEmail: boolean;
  private readonly byPhone: boolean;

  constructor(on: readonly MatchKey[]) {
    this.byExternalId = on.includes('externalId');
    this.byEmail = on.includes('email');
    this.byPhone = on.includes('phone');
  }

  // Loops without building arrays: both run once a row, 100k times in a large file.
  add(c: CustomerInput, who: string | number): void {
    if (this.byExternalId) remember(this.externalIds, c.externalId, who);
    if (this.byEmail) {
      remember(this.emails, c.email, who);
      for (const email of c.additionalEmails) remember(this.emails, email, who);
    }
    if (this.byPhone) {
      remember(this.phones, c.phone, who);
      for (const phone of c.additionalPhones) remember(this.phones, phone, who);
    }
  }

  find(c: CustomerInput): string | number | null {
    // The other system's id first: it names one customer, whatever their email is now.
    if (this.byExternalId) {
      const who = lookUp(this.externalIds, c.externalId, []);
      if (who !== undefined) return who;
    }
    if (this.byEmail) {
      const who = lookUp(this.emails, c.email, c.additionalEmails);
      if (who !== undefined) return who;
    }
    if (this.byPhone) {
      const who = lookUp(this.phones, c.phone, c.additionalPhones);
      if (who !== undefined) return who;
    }
    return null;
  }
}

function remember(known: Map<string, string | number>, key: string, who: string | number): void {
  if (key !== '' && !known.has(key)) known.set(key, who);
}

function lookUp(
  known: Map<string, string | number>,
  primary: string,
  others: readonly string[],
): string | number | undefined {
  if (primary !== '') {
    const who = known.get(primary);
    if (who !== undefined) return who;
  }
  for (const key of others) {
    const who = key === '' ? undefined : known.get(key);
    if (who !== undefined) return who;
  }
  return undefined;
}
