import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../shared/domain/customer';
import { testCustomer } from '../../../shared/domain/testCustomer';
import { EMPTY_CUSTOMER_FIELDS, upgradeCustomer } from '../../../shared/domain/customer';
import { customerPageEncoding, packCustomer } from './customerPacking';

const text = fc.oneof(fc.constant(''), fc.string({ maxLength: 12 }));
const list = fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 });
const consentEntry = fc.option(fc.record({ granted: fc.boolean(), at: fc.nat(), source: text }), {
  nil: null,
});
// Every text field, so a field read from the wrong column fails the round trip.
const textFields = Object.fromEntries(
  Object.entries(EMPTY_CUSTOMER_FIELDS)
    .filter(([, empty]) => empty === '')
    .map(([key]) => [key, text]),
);
const customer = fc
  .record({
    ...textFields,
    id: fc.uuid(),
    additionalEmails: list,
    additionalPhones: list,
    tags: list,
    interests: list,
    createdAt: fc.nat(),
    updatedAt: fc.nat(),
    status: fc.constantFrom('lead', 'prospect', 'customer', 'inactive', 'archived' as const),
    consent: fc.record({
      email: consentEntry,
      sms: consentEntry,
      post: consentEntry,
      phone: consentEntry,
    }),
    custom: fc.dictionary(
      fc.constantFrom('size', 'visits'),
      fc.oneof(fc.string(), fc.integer(), fc.boolean()),
    ),
    figures: fc.record({
      orderCount: fc.nat(),
      totalSpentMinor: fc.nat(),
      firstPurchaseAt: fc.option(fc.nat(), { nil: null }),
      lastPurchaseAt: fc.option(fc.nat(), { nil: null }),
      lastInteractionAt: fc.option(fc.nat(), { nil: null }),
    }),
    version: fc.integer({ min: 1, max: 9 }),
  })
  .map(({ id, ...fields }) => testCustomer(id, fields as Partial<Customer>));

describe('customer packing', () => {
  it('gives back exactly the customer that was packed, through JSON', () => {
    fc.assert(
      fc.property(customer, (c) => {
        expect(upgradeCustomer(JSON.parse(JSON.stringify(packCustomer(c))))).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves empty fields out of what is sealed', () => {
    const packed = packCustomer(testCustomer('c1', { lastName: 'Martin', createdAt: 5 }));
    expect(packed).toEqual({
      id: 'c1',
      lastName: 'Martin',
      createdAt: 5,
      updatedAt: 0,
      version: 1,
      source: 'other',
      status: 'lead',
    });
  });

  it('shares frozen empty values, so no code can change another customer’s through one', () => {
    const a = upgradeCustomer({ id: 'a' });
    expect(() => a.tags.push('x')).toThrow();
    expect(upgradeCustomer({ id: 'b' }).tags).toEqual([]);
  });

  it('seals a page as columns and opens exactly the customers sealed, through JSON', () => {
    fc.assert(
      fc.property(fc.array(customer, { maxLength: 20 }), (customers) => {
        const sealed = JSON.parse(JSON.stringify(customerPageEncoding.encode(customers)));
        expect(customerPageEncoding.decode(sealed)).toEqual(customers);
      }),
      { numRuns: 200 },
    );
  });

  it('names each field once a page, not once a customer', () => {
    const page = customerPageEncoding.encode([
      testCustomer('a', { lastName: 'Martin', city: 'Lyon' }),
      testCustomer('b', { lastName: 'Durand' }),
    ]);
    const { fields, rows } = page as { fields: string[]; rows: unknown[][] };
    expect(fields).toContain('city');
    expect(rows[0]![fields.indexOf('city')]).toBe('Lyon');
    expect(rows[1]![fields.indexOf('city')]).toBeNull();
    expect(JSON.stringify(page).match(/lastName/g)).toHaveLength(1);
  });

  it('still opens pages sealed as a list of customers (before the columns)', () => {
    const old = [packCustomer(testCustomer('a', { lastName: 'Martin' }))];
    expect(customerPageEncoding.decode(old)).toEqual([testCustomer('a', { lastName: 'Martin' })]);
  });

  it('refuses a payload that is not a page of customers', () => {
    expect(() => customerPageEncoding.decode({ fields: 'id', rows: [] })).toThrow(/page/);
    expect(() => customerPageEncoding.decode({ fields: ['id'], rows: [[null]] })).toThrow(/id/);
    expect(() => customerPageEncoding.decode({ fields: ['id'], rows: ['x'] })).toThrow(/row/);
  });
});
