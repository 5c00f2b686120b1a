import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_CUSTOM_FIELDS, rootRule } from './segmentArbitraries';
import { segmentFields } from './segmentFields';
import { RuleSyntaxError, normalizeRule, parseRule, printRule } from './segmentText';

const fields = segmentFields(TEST_CUSTOM_FIELDS);
const parse = (text: string) => parseRule(text, fields);

describe('the text form of a rule', () => {
  it('reads the issue’s example into nested groups', () => {
    const text = 'total_spent > 100 and last_purchase < -90d and (city = "Lyon" or tags has "vip")';
    expect(parse(text)).toEqual({
      kind: 'group',
      op: 'all',
      rules: [
        { kind: 'field', field: 'total_spent', op: '>', value: 100 },
        { kind: 'field', field: 'last_purchase', op: 'before', value: { offset: -90, unit: 'd' } },
        {
          kind: 'group',
          op: 'any',
          rules: [
            { kind: 'field', field: 'city', op: 'is', value: 'Lyon' },
            { kind: 'field', field: 'tags', op: 'has_any', value: ['vip'] },
          ],
        },
      ],
    });
    expect(printRule(parse(text))).toBe(text);
  });

  it.each([
    'city is empty',
    'email is not empty',
    'order_count between 2 and 5',
    'last_purchase between 2026-01-01 and today',
    'created in_last 3m',
    'birthday in_next 7d',
    'birth_date > +2w',
    'tags has_all ["vip", "salon"]',
    'interests has_none ["golf"]',
    'status != "lead"',
    'may_email = true',
    'custom.shoe_size >= 42',
    'custom.club = "trail"',
    'bought(category = "Running", times >= 2, amount >= 150, within 90d)',
    'never_bought(sku = "CAP-01", within 6m)',
    'interacted(type = "visit", within 30d)',
    'in_segment "Regulars"',
    'not (city = "Lyon" or city = "Paris")',
    'not (city = "Lyon" and email is empty)',
    '(not city = "Lyon") and first_name starts_with "Jo"',
    'notes contains "\\"quoted\\" \\\\ and é"',
    '(city = "Lyon" or city = "Paris") and (email is empty or phone is empty)',
  ])('%s reads and prints back the same', (text) => {
    expect(printRule(parse(text))).toBe(text);
  });

  it('an empty text is everyone; "today" is 0 days away', () => {
    expect(parse('  ')).toEqual({ kind: 'group', op: 'all', rules: [] });
    expect(parse('last_purchase < today').rules[0]).toMatchObject({
      value: { offset: 0, unit: 'd' },
    });
  });

  it.each([
    ['city = ', 'Expected a text in quotes', 7],
    ['town = "Lyon"', 'Unknown field "town"', 0],
    ['city = "Lyon" and', 'Expected a field name', 17],
    ['(city = "Lyon"', 'Expected ")"', 14],
    ['city = "Lyon")', 'Unexpected ")": no "(" to close', 13],
    ['total_spent > "a lot"', 'Expected a number', 14],
    ['city > "A"', '"city" is compared with = or !=', 5],
    ['last_purchase = -90d', 'A date is compared with <, > or between', 14],
    ['status = "vip"', '"vip" is not one of', 0],
    ['city = "Lyon', 'Unclosed quote', 7],
    ['created in_last 0d', 'A period of 1 to 3650', 0],
    ['bought(colour = "red")', 'Expected product, category or sku', 7],
    ['interacted(type = "party")', 'Unknown interaction type "party"', 18],
    ['city = "Lyon" city = "Paris"', 'Expected and, or, or the end, not "city"', 14],
    ['last_purchase < 2026-02-30', 'Give a date', 0],
  ])('%s: "%s" at character %i', (text, message, at) => {
    let error: unknown;
    try {
      parse(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleSyntaxError);
    expect((error as RuleSyntaxError).message).toContain(message);
    expect((error as RuleSyntaxError).at).toBe(at);
  });

  it('rules → text → rules gives the rule back (in the form the text can tell apart)', () => {
    fc.assert(
      fc.property(rootRule, (rule) => {
        const text = printRule(rule);
        expect(parse(text)).toEqual(normalizeRule(rule));
        expect(printRule(parse(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('normalizing keeps who is in (checked by the evaluators’ property test) and is stable', () => {
    fc.assert(
      fc.property(rootRule, (rule) => {
        expect(normalizeRule(normalizeRule(rule))).toEqual(normalizeRule(rule));
      }),
    );
  });
});

describe('a condition the builder has just made', () => {
  it('prints without a value, and the parser then says one is missing', () => {
    for (const op of ['has_any', 'has_all', 'between', 'before', 'equals'] as const) {
      const rule = {
        kind: 'group',
        op: 'all',
        rules: [{ kind: 'field', field: 'tags', op }],
      } as unknown as Parameters<typeof printRule>[0];
      const text = printRule(rule);
      expect(text).toMatch(/^tags /);
      expect(() => parseRule(text, fields)).toThrow(RuleSyntaxError);
    }
  });
});
