import { INTERACTION_KINDS, type InteractionKind } from '../domain/interaction';
import type { SegmentField } from './segmentFields';
import { conditionProblem } from './checkRule';
import {
  PRODUCT_KEYS,
  type BoughtCondition,
  type Condition,
  type DayValue,
  type FieldCondition,
  type FieldOp,
  type FieldValue,
  type ProductKey,
  type Rule,
  type RuleGroup,
  type Span,
  type SpanUnit,
} from './segmentRules';

/**
 * The text form of a rule, for example
 *   total_spent > 100 and last_purchase < -90d and (city = "Lyon" or tags has "vip")
 * `and` binds tighter than `or`; `not` negates what follows it; parentheses nest. Groups map
 * to it one to one: all of = and, any of = or, none of = not (… or …).
 */
export function printRule(rule: Rule): string {
  // Printed in the form it reads back as, so that text → rule → text gives the same text.
  const root = normalizeRule(
    rule.kind === 'group' ? rule : { kind: 'group', op: 'all', rules: [rule] },
  );
  return printGroup(root);
}

function printGroup(group: RuleGroup): string {
  const parts = group.rules.map((r) =>
    r.kind === 'group' ? `(${printGroup(r)})` : printCondition(r),
  );
  // An empty group keeps everyone: nothing at the top, () inside (the parent adds them).
  if (group.rules.length === 0) return '';
  if (group.op === 'none') {
    return `not ${parts.length === 1 ? parts[0]! : `(${parts.join(' or ')})`}`;
  }
  return parts.join(group.op === 'all' ? ' and ' : ' or ');
}

/** Operators written otherwise in the text than by name (the rest are written as they are). */
const TEXT_OPS: Partial<Record<FieldOp, string>> = {
  is: '=',
  is_not: '!=',
  before: '<',
  after: '>',
};

function printCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'segment':
      return `in_segment ${quote(condition.name)}`;
    case 'interacted':
      return `interacted(type = ${quote(condition.type)}${condition.within ? `, within ${printSpan(condition.within)}` : ''})`;
    case 'bought': {
      const args = [`${condition.key} = ${quote(condition.value)}`];
      if (condition.times !== undefined) args.push(`times >= ${condition.times}`);
      if (condition.amount !== undefined) args.push(`amount >= ${condition.amount}`);
      if (condition.within) args.push(`within ${printSpan(condition.within)}`);
      return `${condition.never ? 'never_bought' : 'bought'}(${args.join(', ')})`;
    }
    case 'field':
      return printFieldCondition(condition);
  }
}

function printFieldCondition({ field, op, value }: FieldCondition): string {
  switch (op) {
    case 'is_empty':
      return `${field} is empty`;
    case 'is_not_empty':
      return `${field} is not empty`;
  }
  // A condition the builder has just made has no value yet: printed as far as it goes (the
  // parser then says what is missing) rather than throwing in the middle of a keystroke.
  if (value === undefined) return `${field} ${TEXT_OPS[op] ?? op}`;
  switch (op) {
    case 'between': {
      const [from, to] = value as [number, number] | [DayValue, DayValue];
      const print = (v: number | DayValue) => (typeof v === 'number' ? String(v) : printDay(v));
      return `${field} between ${print(from)} and ${print(to)}`;
    }
    case 'before':
    case 'after':
      return `${field} ${TEXT_OPS[op]} ${printDay(value as DayValue)}`;
    case 'in_last':
    case 'in_next':
      return `${field} ${op} ${printSpan(value as Span)}`;
    case 'has_any': {
      const list = value as string[];
      return list.length === 1
        ? `${field} has ${quote(list[0]!)}`
        : `${field} has_any ${printList(list)}`;
    }
    case 'has_all':
    case 'has_none':
      return `${field} ${op} ${printList(value as string[])}`;
    default:
      return `${field} ${TEXT_OPS[op] ?? op} ${typeof value === 'string' ? quote(value) : String(value)}`;
  }
}

/** A calendar day as it is (2026-01-31), a relative one as -90d / +2w, today as today. */
function printDay(day: DayValue): string {
  if (typeof day === 'string') return day;
  if (day.offset === 0) return 'today';
  return `${day.offset > 0 ? '+' : ''}${day.offset}${day.unit}`;
}

function printSpan(span: Span): string {
  return `${span.count}${span.unit}`;
}

function printList(list: readonly string[]): string {
  return `[${list.map(quote).join(', ')}]`;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

// ---------------------------------------------------------------------------------------------

/** A text that is not a rule: what is wrong, and where (0-based character offset). */
export class RuleSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
    readonly length = 1,
  ) {
    super(`${message} (at character ${at + 1})`);
    this.name = 'RuleSyntaxError';
  }
}

type TokenKind = 'word' | 'string' | 'number' | 'date' | 'relative' | 'symbol' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
  at: number;
}

const TOKEN =
  /\s*(?:("(?:[^"\\]|\\.)*")|(\d{4}-\d{2}-\d{2})(?![\w-])|([+-]?\d+[dwm])(?![\w.])|(-?\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][\w]*(?:\.[\w-]+)?)|(!=|<=|>=|[=<>(),[\]]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  TOKEN.lastIndex = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(text);
    if (!match) {
      const start = at + (/^\s*/.exec(text.slice(at))?.[0].length ?? 0);
      if (text[start] === '"') throw new RuleSyntaxError('Unclosed quote', start);
      throw new RuleSyntaxError(`Unexpected "${text[start]}"`, start);
    }
    const start =
      match.index + match[0].length - (match.slice(1).find((g) => g !== undefined) ?? '').length;
    const [, str, date, relative, number, word, symbol] = match;
    const kind: TokenKind =
      str !== undefined
        ? 'string'
        : date !== undefined
          ? 'date'
          : relative !== undefined
            ? 'relative'
            : number !== undefined
              ? 'number'
              : word !== undefined
                ? 'word'
                : 'symbol';
    tokens.push({ kind, text: (str ?? date ?? relative ?? number ?? word ?? symbol)!, at: start });
    at = TOKEN.lastIndex;
  }
  tokens.push({ kind: 'end', text: '', at: text.length });
  return tokens;
}

/**
 * The form a rule has once printed and read back: the text form cannot tell these apart, and
 * they keep the same customers. A group of one (not "none of") is that one rule; "none of" a
 * single "any of" group is "none of" its rules; an empty group of any kind (it keeps everyone)
 * is an empty "all of"; the root is a group, "all of" when it holds one rule.
 */
export function normalizeRule(rule: RuleGroup): RuleGroup {
  const inner = (r: Rule): Rule => {
    if (r.kind !== 'group') return r;
    const rules = r.rules.map(inner);
    if (rules.length === 0) return { kind: 'group', op: 'all', rules: [] };
    if (r.op === 'none') {
      const only = rules[0]!;
      if (rules.length === 1 && only.kind === 'group' && only.op === 'any' && only.rules.length > 0)
        return { kind: 'group', op: 'none', rules: only.rules };
      return { kind: 'group', op: 'none', rules };
    }
    if (rules.length === 1) return rules[0]!;
    return { kind: 'group', op: r.op, rules };
  };
  // The root stays a group: one rule in it is "all of" that rule.
  const rules = rule.rules.map(inner);
  if (rules.length === 0) return { kind: 'group', op: 'all', rules: [] };
  const root = inner(rule);
  if (root.kind === 'group' && root.op === 'none') return root;
  return { kind: 'group', op: rules.length === 1 ? 'all' : rule.op, rules };
}

/**
 * Reads the text form back into a rule, checking each condition against the fields it names.
 * The result is always a group (the root); a syntax error says what and where.
 */
export function parseRule(text: string, fields: ReadonlyMap<string, SegmentField>): RuleGroup {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i]!;
  const next = () => tokens[i++]!;
  const isWord = (t: Token, word: string) => t.kind === 'word' && t.text === word;
  const expect = (text: string) => {
    const t = next();
    if (t.text !== text || t.kind === 'string')
      throw new RuleSyntaxError(`Expected "${text}"`, t.at);
  };

  const orExpr = (): Rule => {
    const first = andExpr();
    if (!isWord(peek(), 'or')) return first;
    const rules = [first];
    while (isWord(peek(), 'or')) {
      next();
      rules.push(andExpr());
    }
    return { kind: 'group', op: 'any', rules };
  };
  const andExpr = (): Rule => {
    const first = unary();
    if (!isWord(peek(), 'and')) return first;
    const rules = [first];
    while (isWord(peek(), 'and')) {
      next();
      rules.push(unary());
    }
    return { kind: 'group', op: 'all', rules };
  };
  /** Groups written in parentheses: they stay groups of their own (the builder's nesting). */
  const parenthesized = new WeakSet<Rule>();
  const unary = (): Rule => {
    if (!isWord(peek(), 'not')) return primary();
    next();
    const inner = unary();
    // not (a or b) is "none of a, b"; not a, or not (a and b), is "none of" that one.
    return inner.kind === 'group' && inner.op === 'any' && parenthesized.has(inner)
      ? { kind: 'group', op: 'none', rules: inner.rules }
      : { kind: 'group', op: 'none', rules: [inner] };
  };
  const primary = (): Rule => {
    const t = peek();
    if (!(t.text === '(' && t.kind === 'symbol')) return condition();
    next();
    let inner: Rule;
    if (peek().text === ')' && peek().kind === 'symbol') {
      inner = { kind: 'group', op: 'all', rules: [] };
    } else {
      inner = orExpr();
    }
    expect(')');
    parenthesized.add(inner);
    return inner;
  };

  const condition = (): Condition => {
    const t = next();
    if (t.kind !== 'word') throw new RuleSyntaxError('Expected a field name', t.at);
    if (t.text === 'in_segment') {
      const name = next();
      if (name.kind !== 'string')
        throw new RuleSyntaxError('Expected a segment name in quotes', name.at);
      return { kind: 'segment', name: unquote(name) };
    }
    if (t.text === 'bought' || t.text === 'never_bought') return bought(t.text === 'never_bought');
    if (t.text === 'interacted') return interacted();
    const field = fields.get(t.text);
    if (!field) throw new RuleSyntaxError(`Unknown field "${t.text}"`, t.at, t.text.length);
    const condition = fieldCondition(t.text, field);
    const problem = conditionProblem(condition, fields);
    if (problem) throw new RuleSyntaxError(problem.message, t.at, t.text.length);
    return condition;
  };

  const fieldCondition = (name: string, field: SegmentField): FieldCondition => {
    const opToken = next();
    const op = opToken.text;
    if (opToken.kind === 'word' && op === 'is') {
      if (isWord(peek(), 'not')) {
        next();
        expect('empty');
        return { kind: 'field', field: name, op: 'is_not_empty' };
      }
      expect('empty');
      return { kind: 'field', field: name, op: 'is_empty' };
    }
    if (opToken.kind === 'word' && op === 'between') {
      const from = scalar(field);
      expect('and');
      const to = scalar(field);
      return { kind: 'field', field: name, op: 'between', value: [from, to] as FieldValue };
    }
    if (opToken.kind === 'word' && (op === 'in_last' || op === 'in_next')) {
      return { kind: 'field', field: name, op, value: span() };
    }
    if (opToken.kind === 'word' && op === 'has') {
      return { kind: 'field', field: name, op: 'has_any', value: [string()] };
    }
    if (opToken.kind === 'word' && (op === 'has_any' || op === 'has_all' || op === 'has_none')) {
      return { kind: 'field', field: name, op, value: list() };
    }
    if (opToken.kind === 'word' && (op === 'contains' || op === 'starts_with')) {
      return { kind: 'field', field: name, op, value: string() };
    }
    if (opToken.kind === 'symbol' && ['=', '!=', '<', '<=', '>', '>='].includes(op)) {
      const value = scalar(field);
      const textual = field.type === 'text' || field.type === 'choice' || field.type === 'yesNo';
      if (field.type === 'date') {
        if (op !== '<' && op !== '>') {
          throw new RuleSyntaxError(
            `A date is compared with <, > or between`,
            opToken.at,
            op.length,
          );
        }
        return { kind: 'field', field: name, op: op === '<' ? 'before' : 'after', value };
      }
      if (textual) {
        if (op !== '=' && op !== '!=') {
          throw new RuleSyntaxError(`"${name}" is compared with = or !=`, opToken.at, op.length);
        }
        return { kind: 'field', field: name, op: op === '=' ? 'is' : 'is_not', value };
      }
      return { kind: 'field', field: name, op: op as FieldOp, value };
    }
    throw new RuleSyntaxError(
      `Expected an operator after "${name}"`,
      opToken.at,
      Math.max(1, op.length),
    );
  };

  /** A value for the field's type: a number, a day, a quoted text, true or false. */
  const scalar = (field: SegmentField): string | number | boolean | DayValue => {
    const t = next();
    if (field.type === 'date') {
      if (t.kind === 'date') return t.text;
      if (t.kind === 'relative') return relativeDay(t);
      if (isWord(t, 'today')) return { offset: 0, unit: 'd' };
      throw new RuleSyntaxError('Expected a date (2026-01-31), a day like -90d, or today', t.at);
    }
    if (field.type === 'number' || field.type === 'money') {
      if (t.kind === 'number') return Number(t.text);
      throw new RuleSyntaxError('Expected a number', t.at);
    }
    if (field.type === 'yesNo') {
      if (isWord(t, 'true')) return true;
      if (isWord(t, 'false')) return false;
      throw new RuleSyntaxError('Expected true or false', t.at);
    }
    if (t.kind === 'string') return unquote(t);
    throw new RuleSyntaxError('Expected a text in quotes', t.at);
  };
  const string = (): string => {
    const t = next();
    if (t.kind !== 'string') throw new RuleSyntaxError('Expected a text in quotes', t.at);
    return unquote(t);
  };
  const list = (): string[] => {
    expect('[');
    const items: string[] = [];
    if (peek().text !== ']') {
      items.push(string());
      while (peek().text === ',' && peek().kind === 'symbol') {
        next();
        items.push(string());
      }
    }
    expect(']');
    return items;
  };
  const span = (): Span => {
    const t = next();
    const match = /^(\d+)([dwm])$/.exec(t.text);
    if (t.kind !== 'relative' || !match) {
      throw new RuleSyntaxError('Expected a length of time like 30d, 6w or 3m', t.at);
    }
    return { count: Number(match[1]), unit: match[2] as SpanUnit };
  };
  const number = (): number => {
    const t = next();
    if (t.kind !== 'number') throw new RuleSyntaxError('Expected a number', t.at);
    return Number(t.text);
  };

  const bought = (never: boolean): BoughtCondition => {
    expect('(');
    const keyToken = next();
    if (keyToken.kind !== 'word' || !(PRODUCT_KEYS as readonly string[]).includes(keyToken.text)) {
      throw new RuleSyntaxError('Expected product, category or sku', keyToken.at);
    }
    expect('=');
    const condition: BoughtCondition = {
      kind: 'bought',
      never,
      key: keyToken.text as ProductKey,
      value: string(),
    };
    while (peek().text === ',' && peek().kind === 'symbol') {
      next();
      const arg = next();
      if (isWord(arg, 'times') && condition.times === undefined) {
        expect('>=');
        condition.times = number();
      } else if (isWord(arg, 'amount') && condition.amount === undefined) {
        expect('>=');
        condition.amount = number();
      } else if (isWord(arg, 'within') && condition.within === undefined) {
        condition.within = span();
      } else {
        throw new RuleSyntaxError('Expected times >= N, amount >= N or within 90d', arg.at);
      }
    }
    expect(')');
    return condition;
  };
  const interacted = (): Condition => {
    expect('(');
    const word = next();
    if (!isWord(word, 'type')) throw new RuleSyntaxError('Expected type = "…"', word.at);
    expect('=');
    const typeToken = peek();
    const type = string();
    if (!(INTERACTION_KINDS as readonly string[]).includes(type)) {
      throw new RuleSyntaxError(`Unknown interaction type "${type}"`, typeToken.at);
    }
    let within: Span | undefined;
    if (peek().text === ',' && peek().kind === 'symbol') {
      next();
      const arg = next();
      if (!isWord(arg, 'within')) throw new RuleSyntaxError('Expected within 90d', arg.at);
      within = span();
    }
    expect(')');
    return { kind: 'interacted', type: type as InteractionKind, ...(within ? { within } : {}) };
  };

  if (peek().kind === 'end') return { kind: 'group', op: 'all', rules: [] };
  const rule = orExpr();
  const rest = peek();
  if (rest.kind !== 'end') {
    throw new RuleSyntaxError(
      rest.text === ')'
        ? 'Unexpected ")": no "(" to close'
        : `Expected and, or, or the end, not "${rest.text}"`,
      rest.at,
    );
  }
  // The whole text in parentheses is one group inside the root, as it was printed.
  if (rule.kind === 'group' && !parenthesized.has(rule)) return rule;
  return { kind: 'group', op: 'all', rules: [rule] };
}

function unquote(token: Token): string {
  try {
    return JSON.parse(token.text) as string;
  } catch {
    throw new RuleSyntaxError('A text in quotes has a bad \\ escape', token.at, token.text.length);
  }
}

function relativeDay(token: Token): DayValue {
  const match = /^([+-]?)(\d+)([dwm])$/.exec(token.text)!;
  const offset = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  return offset === 0 ? { offset: 0, unit: 'd' } : { offset, unit: match[3] as SpanUnit };
}
