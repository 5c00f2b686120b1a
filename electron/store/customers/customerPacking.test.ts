import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../shared/domain/customer';
import { testCustomer } from '../../../shared/domain/testCustomer';
import { upgradeCustomer } from '../../../shared/domain/customer';
import { packCustomer } from './customerPacking';

const text = fc.oneof(fc.constant(''), fc.string({ maxLength: 12 }));
const list = fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 });
const consentEntry = fc.option(fc.record({ granted: fc.boolean(), at: fc.nat(), source: text }), {
  nil: null,
});
const customer = fc
  .record({
    id: fc.uuid(),
    firstName: text,
    lastName: text,
    email: text,
    additionalEmails: list,
    phone: text,
    tags: list,
    notes: text,
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
});
