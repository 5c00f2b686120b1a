import { yieldToEvents } from '../../../shared/async/yieldToEvents';
import { displayName, type Customer } from '../../../shared/domain/customer';
import type { Settings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import {
  SegmentRuleError,
  checkSegmentRule,
  prepareSegmentLookups,
  segmentFlags,
  type SegmentContext,
} from '../../../shared/segments/evaluateSegment';
import {
  SIZE_HISTORY_DAYS,
  type SavedSegment,
  type SegmentCount,
  type SegmentSummary,
} from '../../../shared/segments/savedSegment';
import { segmentFields } from '../../../shared/segments/segmentFields';
import type { Rule, RuleGroup } from '../../../shared/segments/segmentRules';
import type { CustomerStore } from '../customers/customerStore';
import type { HistoryStore } from '../history/historyStore';
import type { RecordPages } from '../pages/recordPages';

export interface SegmentDeps {
  customers: CustomerStore;
  history: HistoryStore;
  settings: () => Settings;
  now: () => number;
  newId: () => string;
}

const SAMPLE = 10;

interface Population {
  customers: readonly Customer[];
  ranks: { ordered: readonly string[]; rank: Int32Array } | null;
}

/** A SegmentRuleError as the VALIDATION error the UI shows. */
function asValidation<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof SegmentRuleError) {
      throw new AppError('VALIDATION', error.message, [{ path: ['rule'], rule: error.code }]);
    }
    throw error;
  }
}

/**
 * Saved segments, in their own encrypted pages, and the counting of rules. A segment names
 * others by name: renaming one rewrites the rules that use it, and one still used cannot be
 * deleted. Each segment's size is written down once a day, when the file is first open.
 */
export class SegmentStore {
  private readonly segments = new Map<string, SavedSegment>();
  /** Members of a saved segment, kept until a customer, purchase or segment changes. */
  private readonly members = new Map<string, { key: string; ids: Set<string> }>();
  private population: Population | null = null;

  constructor(
    private readonly pages: RecordPages<SavedSegment>,
    saved: readonly SavedSegment[],
    private readonly deps: SegmentDeps,
  ) {
    for (const segment of saved) this.segments.set(segment.id, segment);
  }

  /** Every saved segment by name, with its size today (written down if not yet today). */
  async list(): Promise<SegmentSummary[]> {
    await this.deps.history.whenLoaded();
    const today = dayOf(this.deps.now());
    const summaries: SegmentSummary[] = [];
    const dated: SavedSegment[] = [];
    for (const segment of this.segments.values()) {
      let size: number | null = null;
      let problem: string | null = null;
      try {
        size = this.membersNow(segment.id).size;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'VALIDATION')) throw error;
        problem = error.message;
      }
      let saved = segment;
      if (size !== null && segment.sizes.at(-1)?.day !== today) {
        saved = {
          ...segment,
          sizes: [...segment.sizes, { day: today, size }].slice(-SIZE_HISTORY_DAYS),
        };
        dated.push(saved);
      }
      summaries.push({ ...saved, size, problem });
    }
    if (dated.length > 0) await this.write(dated);
    return summaries.sort((a, b) => a.name.localeCompare(b.name));
  }

  get(id: string): SavedSegment {
    const segment = this.segments.get(id);
    if (!segment) throw new AppError('NOT_FOUND', 'This segment no longer exists', { id });
    return segment;
  }

  /** How many customers a rule keeps, and the first few by name: the builder's live count. */
  async count(rule: RuleGroup): Promise<SegmentCount> {
    await this.deps.history.whenLoaded();
    const flags = this.flags(rule);
    const { customers } = this.people();
    const rank = this.listRanks();
    // The first members in the list's order (by name), as "Show the customers" lists them.
    const first: number[] = [];
    let count = 0;
    for (let i = 0; i < flags.length; i++) {
      if (flags[i] !== 1) continue;
      count++;
      if (first.length === SAMPLE && rank[i]! >= rank[first.at(-1)!]!) continue;
      let at = first.length;
      while (at > 0 && rank[first[at - 1]!]! > rank[i]!) at--;
      first.splice(at, 0, i);
      if (first.length > SAMPLE) first.pop();
    }
    return {
      count,
      all: customers.length,
      sample: first.map((i) => {
        const c = customers[i]!;
        return { id: c.id, name: displayName(c), city: c.city, email: c.email };
      }),
    };
  }

  /**
   * What every count needs, built in the background once the history is open (the runtime
   * calls it), each step apart so that calls get through: the customers as one list, their
   * places in the list's order, and where each buyer is among them.
   */
  async prepare(): Promise<void> {
    await this.deps.history.whenLoaded();
    const steps = [
      () => this.people(),
      () => this.listRanks(),
      () => prepareSegmentLookups(this.people().customers, this.deps.history.purchaseColumns()),
    ];
    for (const step of steps) {
      await yieldToEvents();
      step();
    }
  }

  /** The ids of a saved segment's members (the list's segment filter). */
  async memberIds(id: string): Promise<Set<string>> {
    await this.deps.history.whenLoaded();
    return this.membersNow(id);
  }

  private membersNow(id: string): Set<string> {
    const segment = this.get(id);
    const key = this.stateKey();
    const kept = this.members.get(id);
    if (kept && kept.key === key) return kept.ids;
    const flags = this.flags(segment.rule, [segment.name]);
    const { customers } = this.people();
    const ids = new Set<string>();
    for (let i = 0; i < flags.length; i++) if (flags[i] === 1) ids.add(customers[i]!.id);
    this.members.set(id, { key, ids });
    return ids;
  }

  /**
   * Saves a new segment or a change to one. Its name is unique (case aside); its rule must be
   * complete and must not include itself through others. A new name is written into the
   * rules that named the old one.
   */
  async save(arg: {
    id?: string;
    name: string;
    description: string;
    rule: RuleGroup;
  }): Promise<SavedSegment> {
    await this.deps.history.whenLoaded();
    const name = arg.name.trim();
    const before = arg.id === undefined ? undefined : this.get(arg.id);
    const clash = [...this.segments.values()].find(
      (s) => s.id !== arg.id && s.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) {
      throw new AppError('VALIDATION', `A segment is already named "${clash.name}"`, [
        { path: ['name'], rule: 'duplicate' },
      ]);
    }
    const now = this.deps.now();
    const segment: SavedSegment = {
      id: before?.id ?? this.deps.newId(),
      name,
      description: arg.description.trim(),
      rule: arg.rule,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
      sizes: before?.sizes ?? [],
    };
    const renamed = before && before.name !== name;
    const others = renamed
      ? [...this.segments.values()]
          .filter((s) => s.id !== segment.id && names(s.rule).includes(before.name))
          .map((s) => ({ ...s, rule: renameIn(s.rule, before.name, name) as RuleGroup }))
      : [];
    // Checked against the segments as they will be: a cycle or a missing name is refused.
    this.check(segment.rule, [name], [segment, ...others]);
    await this.write([segment, ...others]);
    return segment;
  }

  async duplicate(
    id: string,
    copyName: (name: string, n: number) => string,
  ): Promise<SavedSegment> {
    const source = this.get(id);
    const taken = new Set([...this.segments.values()].map((s) => s.name.toLowerCase()));
    let n = 1;
    while (taken.has(copyName(source.name, n).toLowerCase())) n++;
    return this.save({
      name: copyName(source.name, n),
      description: source.description,
      rule: source.rule,
    });
  }

  async remove(id: string): Promise<void> {
    const segment = this.get(id);
    const users = [...this.segments.values()].filter(
      (s) => s.id !== id && names(s.rule).includes(segment.name),
    );
    if (users.length > 0) {
      throw new AppError(
        'CONFLICT',
        `"${segment.name}" is used by ${users.map((u) => `"${u.name}"`).join(', ')}: change those first`,
        { id },
      );
    }
    await this.pages.save({ put: [], remove: [id] }, (i) => this.segments.get(i));
    this.segments.delete(id);
    this.members.delete(id);
  }

  clear(): void {
    this.segments.clear();
    this.members.clear();
    this.population = null;
  }

  private async write(segments: SavedSegment[]): Promise<void> {
    await this.pages.save({ put: segments, remove: [] }, (i) => this.segments.get(i));
    for (const segment of segments) this.segments.set(segment.id, segment);
    this.members.clear();
  }

  /** Who is in, by position in `people()`; throws VALIDATION when it cannot be evaluated. */
  private flags(rule: Rule, using: string[] = []): Uint8Array {
    const context = this.context();
    return asValidation(() => segmentFlags(rule, this.people().customers, context, using));
  }

  /** Refuses a rule that is incomplete, names a segment that does not exist, or loops. */
  private check(rule: Rule, using: string[], pending: SavedSegment[]): void {
    const context = this.context(pending);
    asValidation(() => checkSegmentRule(rule, context, using));
  }

  private context(pending: SavedSegment[] = []): SegmentContext {
    const byName = new Map<string, RuleGroup>();
    for (const s of this.segments.values()) byName.set(s.name, s.rule);
    for (const s of pending) {
      const old = this.segments.get(s.id);
      if (old) byName.delete(old.name);
      byName.set(s.name, s.rule);
    }
    const settings = this.deps.settings();
    return {
      now: this.deps.now(),
      minorPerUnit: minorPerUnit(settings.currency),
      fields: segmentFields(settings.customFields),
      segments: byName,
      purchaseColumns: this.deps.history.purchaseColumns(),
      interactions: this.deps.history.allInteractions(),
    };
  }

  /** Every customer as one list, kept until a customer is written: rules are worked out on it. */
  private people(): Population {
    const customers = this.deps.customers.everyone();
    if (this.population?.customers !== customers) this.population = { customers, ranks: null };
    return this.population;
  }

  /** Each customer's place in the list's default order (by name), by position in people(). */
  private listRanks(): Int32Array {
    const population = this.people();
    const ordered = this.deps.customers.ordered();
    if (population.ranks?.ordered !== ordered) {
      const position = new Map<string, number>();
      population.customers.forEach((c, i) => position.set(c.id, i));
      const rank = new Int32Array(population.customers.length);
      ordered.forEach((id, r) => {
        const at = position.get(id);
        if (at !== undefined) rank[at] = r;
      });
      population.ranks = { ordered, rank };
    }
    return population.ranks.rank;
  }

  /** Changes whenever what a rule reads may have changed. */
  private stateKey(): string {
    return `${this.deps.customers.writeCount}:${this.deps.history.version}:${dayOf(this.deps.now())}`;
  }
}

/** The names of the segments a rule uses. */
function names(rule: Rule): string[] {
  if (rule.kind === 'group') return rule.rules.flatMap(names);
  return rule.kind === 'segment' ? [rule.name] : [];
}

function renameIn(rule: Rule, from: string, to: string): Rule {
  if (rule.kind === 'group')
    return { ...rule, rules: rule.rules.map((r) => renameIn(r, from, to)) };
  return rule.kind === 'segment' && rule.name === from ? { ...rule, name: to } : rule;
}

/** YYYY-MM-DD of the laptop's calendar. */
export function dayOf(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Minor units in one unit of a currency: 100 for EUR, 1 for JPY. */
export function minorPerUnit(currency: string): number {
  try {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    return 10 ** (digits ?? 2);
  } catch {
    return 100;
  }
}
