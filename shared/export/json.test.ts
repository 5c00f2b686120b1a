import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCustomers } from '../demo/customers';
import {
  CUSTOMER_FIELDS,
  customerInputSchema,
  upgradeCustomer,
  type Customer,
  type CustomerInput,
} from '../domain/customer';
import { testCustomer } from '../domain/testCustomer';
import { customersToJson, parseCustomersJson } from './json';

const stored = (inputs: CustomerInput[]): Customer[] =>
  inputs.map((input, i) =>
    upgradeCustomer({
      ...input,
      id: `cust-${i}`,
      createdAt: 1_700_000_000_000 + i * 1_001,
      updatedAt: 1_710_000_000_123 + i,
    }),
  );

function expectRoundTrip(customers: Customer[]) {
  const parsed = parseCustomersJson(customersToJson(customers));
  expect(parsed.problems).toEqual([]);
  expect(parsed.customers.map((c) => c.customer)).toEqual(
    customers.map((c) => Object.fromEntries(CUSTOMER_FIELDS.map((f) => [f, c[f]]))),
  );
  expect(
    parsed.customers.map(({ id, createdAt, updatedAt }) => [id, createdAt, updatedAt]),
  ).toEqual(customers.map(({ id, createdAt, updatedAt }) => [id, createdAt, updatedAt]));
}

const text = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength });
const consentEntry = fc.option(
  fc.record({ granted: fc.boolean(), at: fc.nat(), source: text(30) }),
  { nil: null },
);
const customValue = fc.oneof(
  text(50),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.boolean(),
  fc.array(text(10), { maxLength: 4 }),
  fc.constant(null),
);
const draft = fc.record({
  firstName: text(20),
  lastName: text(20).map((s) => `N${s}`),
  email: fc.constantFrom('', 'Zoe@Example.FR', 'jean.dupont+shop@exemple.fr'),
  additionalEmails: fc.subarray(['a@example.com', 'b@exemple.fr', '']),
  phone: fc.constantFrom('', '+33612345678', '06 12 34 56 78', '+44 (0)7400 123456'),
  street: text(40),
  city: text(20),
  country: fc.constantFrom('', 'fr', 'GB'),
  birthDate: fc.constantFrom('', '1900-01-01', '1985-07-14', '2000-02-29'),
  gender: fc.constantFrom('', 'female', 'male', 'other'),
  language: fc.constantFrom('', 'fr', 'en', 'zh'),
  status: fc.constantFrom('lead', 'prospect', 'customer', 'inactive', 'archived'),
  tags: fc.array(
    text(10).map((s) => `t${s.trim()}`),
    { maxLength: 5 },
  ),
  notes: fc.string({ unit: 'grapheme', maxLength: 200 }),
  consent: fc.record({
    email: consentEntry,
    sms: consentEntry,
    post: consentEntry,
    phone: consentEntry,
  }),
  custom: fc.dictionary(
    fc.stringMatching(/^[a-z0-9_-]{1,10}$/).filter((k) => k !== '__proto__'),
    customValue,
    { maxKeys: 5 },
  ),
});

describe('customersToJson then parseCustomersJson', () => {
  it('gives back exactly 500 demo customers, with their ids and dates', () => {
    expectRoundTrip(stored(generateDemoCustomers(500, 7)));
  });

  it('gives back exactly any valid customer (property)', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(draft, { minLength: 1, maxLength: 5 }), (drafts) => {
        const inputs = drafts.map((d) => customerInputSchema.safeParse(d));
        fc.pre(inputs.every((r) => r.success));
        expectRoundTrip(stored(inputs.map((r) => r.data!)));
        checked++;
      }),
      { numRuns: 200 },
    );
    expect(checked).toBe(200);
  });

  it('writes the documented envelope, one record per line', () => {
    const json = customersToJson(stored(generateDemoCustomers(3, 1)), undefined, {
      exportedAt: new Date('2024-05-01T10:00:00Z'),
    });
    const lines = json.split('\n');
    expect(lines[0]).toBe(
      '{"format":"comptoir-customers","version":1,"exportedAt":"2024-05-01T10:00:00.000Z","customers":[',
    );
    expect(lines).toHaveLength(6);
    expect(lines.slice(-2)).toEqual([']}', '']);
    const record = JSON.parse(lines[1]!.replace(/,$/, ''));
    expect(Object.keys(record).slice(0, 5)).toEqual([
      'id',
      'createdAt',
      'updatedAt',
      'firstName',
      'lastName',
    ]);
    expect(record.createdAt).toBe('2023-11-14T22:13:20.000Z');
    expect(parseCustomersJson(customersToJson([])).customers).toEqual([]);
  });
});

describe('a partial JSON export', () => {
  const customer = testCustomer('c1', {
    lastName: 'Martin',
    tags: ['vip'],
    birthDate: '1985-07-14',
    figures: {
      orderCount: 2,
      totalSpentMinor: 4250,
      firstPurchaseAt: null,
      lastPurchaseAt: null,
      lastInteractionAt: null,
    },
  });
  const json = customersToJson(
    [customer],
    ['lastName', 'tags', 'totalSpent', 'birthDate', 'phone'],
  );

  it('holds the chosen columns only, typed', () => {
    const file = JSON.parse(json);
    expect(file.columns).toEqual(['lastName', 'tags', 'totalSpent', 'birthDate', 'phone']);
    expect(file.customers).toEqual([
      { lastName: 'Martin', tags: ['vip'], totalSpent: 42.5, birthDate: '1985-07-14', phone: '' },
    ]);
  });

  it('is refused as an import, saying why', () => {
    expect(parseCustomersJson(json).problems).toEqual([
      expect.objectContaining({ index: null, code: 'partialExport' }),
    ]);
  });
});

describe('parseCustomersJson on a bad file', () => {
  const file = (customers: unknown[], extra: object = {}) =>
    JSON.stringify({
      format: 'comptoir-customers',
      version: 1,
      exportedAt: 'x',
      customers,
      ...extra,
    });

  it.each([
    ['{"format":', 'notJson'],
    ['[1,2]', 'notCustomersFile'],
    ['{"format":"vcard","version":1,"exportedAt":"","customers":[]}', 'notCustomersFile'],
    [file([], { version: 2 }), 'unsupportedVersion'],
  ])('%s is refused as %s', (text, code) => {
    const parsed = parseCustomersJson(text);
    expect(parsed.customers).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ index: null, code })]);
  });

  it('keeps the good records and names the index and field of each bad one', () => {
    const parsed = parseCustomersJson(
      `\uFEFF${file([
        { lastName: 'Good' },
        { lastName: 'Bad email', email: 'not an email' },
        { firstName: '', lastName: '' },
        'not a record',
        { lastName: 'Unknown field', shoeSize: 42 },
        { id: '', lastName: 'Empty id', createdAt: 'yesterday' },
        { lastName: 'Also good', id: 'c9', createdAt: '2024-05-01T10:00:00.000Z' },
      ])}`,
    );
    expect(parsed.customers.map((c) => [c.index, c.customer.lastName, c.id, c.createdAt])).toEqual([
      [0, 'Good', null, null],
      [6, 'Also good', 'c9', Date.UTC(2024, 4, 1, 10)],
    ]);
    expect(parsed.problems.map(({ index, path, code }) => ({ index, path, code }))).toEqual([
      { index: 1, path: 'customers[1].email', code: 'invalidEmail' },
      { index: 2, path: 'customers[2].lastName', code: 'nameOrEmailRequired' },
      { index: 3, path: 'customers[3]', code: 'invalid_type' },
      { index: 4, path: 'customers[4].shoeSize', code: 'unknownField' },
      { index: 5, path: 'customers[5].id', code: 'too_small' },
      { index: 5, path: 'customers[5].createdAt', code: 'invalid_format' },
    ]);
  });
});
