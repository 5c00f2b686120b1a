import fc from 'fast-check';
import type { Customer } from '../domain/customer';
import type { CustomField } from '../domain/customFields';
import { INTERACTION_KINDS } from '../domain/interaction';
import { testCustomer } from '../domain/testCustomer';
import type { InteractionFacts, PurchaseFacts } from './evaluateSegment';
import type { Condition, DayValue, Rule, RuleGroup, Span } from './segmentRules';

/** TESTS ONLY: random rules, customers and purchases for the property tests of segments. */

export const TEST_CUSTOM_FIELDS: CustomField[] = [
  { id: 'shoe_size', label: 'Pointure', type: 'number', options: [] },
  { id: 'club', label: 'Club', type: 'choice', options: ['running', 'trail'] },
  { id: 'card', label: 'Carte', type: 'yesNo', options: [] },
  { id: 'visit', label: 'Visite', type: 'date', options: [] },
  { id: 'sports', label: 'Sports', type: 'multiChoice', options: ['ski', 'surf'] },
];

/** 2026-06-15 12:00 local: the "now" of the property tests. */
export const NOW = new Date(2026, 5, 15, 12).getTime();
const DAY = 86_400_000;

const words = ['Lyon', 'lyon', 'Élodie', 'elodie', 'Paris', 'Nantes', '', 'a"b', 'Zoë'];
const tags = ['vip', 'VIP', 'newsletter', 'fidèle', 'fidele', 'salon'];
const products = ['Trail Shoes', 'trail shoes', 'Socks', 'Cap'];
const categories = ['Running', 'running', 'Apparel'];

const span: fc.Arbitrary<Span> = fc.record({
  count: fc.integer({ min: 1, max: 40 }),
  unit: fc.constantFrom('d', 'w', 'm'),
});
const day: fc.Arbitrary<DayValue> = fc.oneof(
  fc
    .record({ offset: fc.integer({ min: -400, max: 400 }), unit: fc.constantFrom('d', 'w', 'm') })
    .map((d) => (d.offset === 0 ? { offset: 0, unit: 'd' as const } : d)),
  fc
    .date({ min: new Date(2024, 0, 1), max: new Date(2027, 11, 31), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const money = fc.integer({ min: -50, max: 600 });

const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom('city', 'first_name', 'notes'),
    op: fc.constantFrom(
      'is' as const,
      'is_not' as const,
      'contains' as const,
      'starts_with' as const,
    ),
    value: fc.constantFrom(...words.filter((w) => w !== ''), 'ly', 'e'),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom(
      'city',
      'tags',
      'birth_date',
      'average_basket',
      'custom.shoe_size',
      'custom.club',
      'custom.sports',
      'custom.visit',
    ),
    op: fc.constantFrom('is_empty' as const, 'is_not_empty' as const),
  }),
  fc
    .record({
      kind: fc.constant('field' as const),
      field: fc.constantFrom('status', 'custom.club'),
      op: fc.constantFrom('is' as const, 'is_not' as const),
    })
    .chain((c) =>
      fc
        .constantFrom(
          ...(c.field === 'status' ? ['lead', 'customer', 'inactive'] : ['running', 'trail']),
        )
        .map((value) => ({ ...c, value })),
    ),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom('tags', 'custom.sports'),
    op: fc.constantFrom('has_any' as const, 'has_all' as const, 'has_none' as const),
    value: fc.uniqueArray(fc.constantFrom(...tags, 'ski', 'surf'), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom('order_count', 'total_spent', 'average_basket', 'custom.shoe_size'),
    op: fc.constantFrom(
      '=' as const,
      '!=' as const,
      '<' as const,
      '<=' as const,
      '>' as const,
      '>=' as const,
    ),
    value: money,
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom('total_spent', 'order_count'),
    op: fc.constant('between' as const),
    value: fc.tuple(money, money),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom(
      'last_purchase',
      'first_purchase',
      'birth_date',
      'created',
      'custom.visit',
    ),
    op: fc.constantFrom('before' as const, 'after' as const),
    value: day,
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom('last_purchase', 'last_interaction', 'custom.visit'),
    op: fc.constantFrom('in_last' as const, 'in_next' as const),
    value: span,
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom('last_purchase', 'birth_date'),
    op: fc.constant('between' as const),
    value: fc.tuple(day, day),
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constant('birthday'),
    op: fc.constant('in_next' as const),
    value: span,
  }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.constantFrom('may_email', 'may_sms', 'custom.card'),
    op: fc.constant('is' as const),
    value: fc.boolean(),
  }),
  fc.record(
    {
      kind: fc.constant('bought' as const),
      never: fc.boolean(),
      key: fc.constantFrom('product' as const, 'category' as const),
      value: fc.constantFrom(...products, ...categories),
      times: fc.integer({ min: 1, max: 3 }),
      amount: fc.integer({ min: 0, max: 300 }),
      within: span,
    },
    { requiredKeys: ['kind', 'never', 'key', 'value'] },
  ),
  fc.record(
    {
      kind: fc.constant('interacted' as const),
      type: fc.constantFrom(...INTERACTION_KINDS.slice(0, 3)),
      within: span,
    },
    { requiredKeys: ['kind', 'type'] },
  ),
  fc.record({ kind: fc.constant('segment' as const), name: fc.constantFrom('Regulars', 'Lyon') }),
);

export const rule: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule; group: RuleGroup }>((tie) => ({
  rule: fc.oneof({ depthSize: 'small', withCrossShrink: true }, condition, tie('group')),
  group: fc.record({
    kind: fc.constant('group' as const),
    op: fc.constantFrom('all' as const, 'any' as const, 'none' as const),
    rules: fc.array(tie('rule'), { maxLength: 4 }),
  }),
})).rule;

export const rootRule: fc.Arbitrary<RuleGroup> = fc.record({
  kind: fc.constant('group' as const),
  op: fc.constantFrom('all' as const, 'any' as const, 'none' as const),
  rules: fc.array(rule, { maxLength: 4 }),
});

/** Saved segments the random rules may name (neither names another). */
export const SAVED: ReadonlyMap<string, RuleGroup> = new Map([
  [
    'Regulars',
    {
      kind: 'group',
      op: 'all',
      rules: [{ kind: 'field', field: 'order_count', op: '>=', value: 2 }],
    },
  ],
  [
    'Lyon',
    {
      kind: 'group',
      op: 'all',
      rules: [{ kind: 'field', field: 'city', op: 'is', value: 'lyon' }],
    },
  ],
] as [string, RuleGroup][]);

const at = fc.integer({ min: NOW - 500 * DAY, max: NOW + 60 * DAY });

export const data = fc
  .array(
    fc.record({
      city: fc.constantFrom(...words),
      firstName: fc.constantFrom(...words),
      notes: fc.constantFrom(...words),
      status: fc.constantFrom('lead', 'customer', 'inactive'),
      tags: fc.uniqueArray(fc.constantFrom(...tags), { maxLength: 3 }),
      birthDate: fc.oneof(
        fc.constant(''),
        fc.constantFrom('1990-06-15', '1984-02-29', '2000-06-16', '1975-12-31', '1999-07-20'),
      ),
      createdAt: at,
      email: fc.constantFrom('', 'a@b.fr'),
      phone: fc.constantFrom('', '+33612345678'),
      consentEmail: fc.option(fc.boolean()),
      custom: fc.record(
        {
          shoe_size: fc.integer({ min: 35, max: 47 }),
          club: fc.constantFrom('running', 'trail'),
          card: fc.boolean(),
          visit: fc.constantFrom('2026-06-10', '2026-06-20', '2025-01-01'),
          sports: fc.uniqueArray(fc.constantFrom('ski', 'surf'), { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
      purchases: fc.array(
        fc.record({
          at,
          lines: fc.array(
            fc.record({
              product: fc.constantFrom(...products),
              category: fc.constantFrom(...categories),
              sku: fc.constant(''),
              quantity: fc.constantFrom(1, 2, 0.5),
              unitPriceMinor: fc.integer({ min: -2000, max: 20_000 }),
            }),
            { minLength: 1, maxLength: 3 },
          ),
        }),
        { maxLength: 4 },
      ),
      interactions: fc.array(
        fc.record({ kind: fc.constantFrom(...INTERACTION_KINDS.slice(0, 3)), at }),
        { maxLength: 3 },
      ),
    }),
    { maxLength: 12 },
  )
  .map((rows) => {
    const customers: Customer[] = [];
    const purchases: PurchaseFacts[] = [];
    const interactions: InteractionFacts[] = [];
    rows.forEach((row, i) => {
      const id = `c${i}`;
      const mine = row.purchases.map((p) => ({ customerId: id, ...p }));
      purchases.push(...mine);
      interactions.push(...row.interactions.map((x) => ({ customerId: id, ...x })));
      const totals = mine.map((p) =>
        p.lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPriceMinor), 0),
      );
      const ats = mine.map((p) => p.at);
      customers.push(
        testCustomer(id, {
          city: row.city,
          firstName: row.firstName,
          notes: row.notes,
          status: row.status as Customer['status'],
          tags: row.tags,
          birthDate: row.birthDate,
          createdAt: row.createdAt,
          email: row.email,
          phone: row.phone,
          custom: row.custom,
          consent: {
            email:
              row.consentEmail === null ? null : { granted: row.consentEmail, at: 0, source: '' },
            sms: null,
            post: null,
            phone: null,
          },
          figures: {
            orderCount: mine.length,
            totalSpentMinor: totals.reduce((a, b) => a + b, 0),
            firstPurchaseAt: ats.length ? Math.min(...ats) : null,
            lastPurchaseAt: ats.length ? Math.max(...ats) : null,
            lastInteractionAt: row.interactions.length
              ? Math.max(...row.interactions.map((x) => x.at))
              : null,
          },
        }),
      );
    });
    return { customers, purchases, interactions };
  });
