import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testCustomer } from '../domain/testCustomer';
import { NOW, SAVED, TEST_CUSTOM_FIELDS, data, rootRule } from './segmentArbitraries';
import {
  SegmentRuleError,
  segmentFlags,
  segmentMembers,
  type SegmentContext,
} from './evaluateSegment';
import { naiveInSegment } from './naiveSegment';
import { segmentFields } from './segmentFields';
import { normalizeRule, parseRule } from './segmentText';
import type { RuleGroup } from './segmentRules';

const fields = segmentFields(TEST_CUSTOM_FIELDS);
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d, 10).getTime();

/** Five customers and their purchases, the answers worked out by hand below. */
const shop = () => {
  const figures = (orders: number, spent: number, last: number | null) => ({
    orderCount: orders,
    totalSpentMinor: spent,
    firstPurchaseAt: last,
    lastPurchaseAt: last,
    lastInteractionAt: null,
  });
  const customers = [
    testCustomer('ana', {
      firstName: 'Ana',
      city: 'Lyon',
      tags: ['VIP'],
      birthDate: '1990-06-20',
      email: 'ana@example.fr',
      consent: { email: { granted: true, at: 0, source: '' }, sms: null, post: null, phone: null },
      figures: figures(3, 45_000, day(2026, 2, 1)),
    }),
    testCustomer('bob', {
      firstName: 'Bob',
      city: 'lyon',
      figures: figures(1, 8_000, day(2026, 6, 1)),
    }),
    testCustomer('chloe', {
      firstName: 'Chloé',
      city: 'Paris',
      tags: ['vip', 'salon'],
      email: 'chloe@example.fr',
      consent: { email: { granted: false, at: 0, source: '' }, sms: null, post: null, phone: null },
      figures: figures(2, 30_000, day(2025, 12, 24)),
    }),
    testCustomer('dan', { firstName: 'Dan', city: 'Nantes', birthDate: '1984-06-15' }),
    testCustomer('eve', {
      firstName: 'Ève',
      city: 'Lyon',
      status: 'customer',
      figures: figures(2, 12_000, day(2026, 6, 10)),
    }),
  ];
  const line = (category: string, unitPriceMinor: number, quantity = 1) => ({
    product: `${category} item`,
    category,
    sku: '',
    quantity,
    unitPriceMinor,
  });
  const purchases = [
    { customerId: 'ana', at: day(2025, 11, 2), lines: [line('Running', 20_000)] },
    {
      customerId: 'ana',
      at: day(2026, 1, 5),
      lines: [line('running', 10_000), line('Apparel', 5_000)],
    },
    { customerId: 'ana', at: day(2026, 2, 1), lines: [line('Apparel', 10_000)] },
    { customerId: 'bob', at: day(2026, 6, 1), lines: [line('Running', 4_000, 2)] },
    { customerId: 'chloe', at: day(2025, 12, 24), lines: [line('Running', 30_000)] },
    { customerId: 'eve', at: day(2026, 6, 10), lines: [line('Apparel', 12_000)] },
  ];
  const context: SegmentContext = {
    now: new Date(2026, 5, 15, 12).getTime(),
    minorPerUnit: 100,
    fields,
    segments: new Map([
      ['Lyon', parseRule('city = "Lyon"', fields)],
      ['Loop A', parseRule('in_segment "Loop B"', fields)],
      ['Loop B', parseRule('in_segment "Loop A"', fields)],
    ]),
    purchases,
    interactions: [{ customerId: 'dan', kind: 'visit', at: day(2026, 6, 14) }],
  };
  return { customers, context };
};

describe('segment rules on a small shop, worked out by hand', () => {
  const { customers, context } = shop();
  const members = (text: string) =>
    segmentMembers(parseRule(text, fields), customers, context).map((c) => c.id);

  it.each([
    // Lyon, any case; Chloé has "vip" in another case.
    ['city = "LYON"', ['ana', 'bob', 'eve']],
    // The same field read raw (is empty) and then folded (has): each is kept apart.
    ['tags is not empty', ['ana', 'chloe']],
    ['tags has "vip"', ['ana', 'chloe']],
    ['city is empty', []],
    ['city starts_with "ly"', ['ana', 'bob', 'eve']],
    ['first_name = "chloe" or first_name starts_with "EV"', ['chloe', 'eve']],
    // 450.00 and 300.00 spent; 300 is not > 300.
    ['total_spent > 300', ['ana']],
    ['total_spent >= 300', ['ana', 'chloe']],
    ['average_basket between 100 and 150', ['ana', 'chloe']],
    ['average_basket is empty', ['dan']],
    // Today is 15 June 2026: 90 days back is 17 March.
    ['last_purchase < -90d', ['ana', 'chloe']],
    ['last_purchase in_last 30d', ['bob', 'eve']],
    ['last_purchase between 2025-12-24 and 2026-02-01', ['ana', 'chloe']],
    // Dan's birthday is today, Ana's in 5 days.
    ['birthday in_next 4d', ['dan']],
    ['birthday in_next 5d', ['ana', 'dan']],
    // Running bought twice by Ana (2 purchases, 300.00), once each by Bob (80.00) and Chloé.
    ['bought(category = "running", times >= 2)', ['ana']],
    ['bought(category = "Running", amount >= 300)', ['ana', 'chloe']],
    ['bought(category = "Running", within 6m)', ['ana', 'bob', 'chloe']],
    ['bought(category = "Running", within 3m)', ['bob']],
    ['never_bought(category = "Running")', ['dan', 'eve']],
    ['interacted(type = "visit", within 7d)', ['dan']],
    ['may_email = true', ['ana']],
    ['in_segment "Lyon" and not tags has "vip"', ['bob', 'eve']],
    [
      'total_spent > 100 and last_purchase < -90d and (city = "Lyon" or tags has "vip")',
      ['ana', 'chloe'],
    ],
    ['', ['ana', 'bob', 'chloe', 'dan', 'eve']],
  ])('%s', (text, expected) => {
    expect(members(text)).toEqual(expected);
    const naive = customers.filter((c) => naiveInSegment(parseRule(text, fields), c, context));
    expect(naive.map((c) => c.id)).toEqual(expected);
  });

  it('refuses a segment that would include itself, and one that does not exist', () => {
    expect(() => members('in_segment "Loop A"')).toThrow(
      'Segment "Loop A" would include itself (Loop A → Loop B → Loop A)',
    );
    expect(() => members('in_segment "Gone"')).toThrow(SegmentRuleError);
  });

  it('refuses an incomplete condition (the builder marks it)', () => {
    const rule: RuleGroup = {
      kind: 'group',
      op: 'all',
      rules: [{ kind: 'field', field: 'city', op: 'is' }],
    };
    expect(() => segmentFlags(rule, customers, context)).toThrow('Type a text');
  });
});

describe('the compiled evaluator agrees with the naive one', () => {
  it('on random customers, purchases and rules', () => {
    fc.assert(
      fc.property(data, rootRule, ({ customers, purchases, interactions }, rule) => {
        const context: SegmentContext = {
          now: NOW,
          minorPerUnit: 100,
          fields,
          segments: SAVED,
          purchases,
          interactions,
        };
        const fast = segmentFlags(rule, customers, context);
        const normalized = segmentFlags(normalizeRule(rule), customers, context);
        customers.forEach((customer, i) => {
          const expected = naiveInSegment(rule, customer, context) ? 1 : 0;
          expect(fast[i]).toBe(expected);
          expect(normalized[i]).toBe(expected);
        });
        // Some of the customers only: purchases and visits of others must not leak in.
        const some = customers.filter((_, i) => i % 2 === 0);
        const part = segmentFlags(rule, some, context);
        some.forEach((customer, i) => {
          expect(part[i]).toBe(naiveInSegment(rule, customer, context) ? 1 : 0);
        });
      }),
      { numRuns: 1500 },
    );
  });
});
