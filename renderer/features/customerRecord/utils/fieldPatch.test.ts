import { describe, expect, it } from 'vitest';
import { testCustomer } from '../../../../shared/domain/testCustomer';
import { customValueOf, patchOf, primaryPatch } from './fieldPatch';

describe('customer page edits', () => {
  it('swaps the primary email or phone with one of the others, keeping the rest in order', () => {
    const c = testCustomer('c', {
      email: 'a@x.fr',
      additionalEmails: ['b@x.fr', 'c@x.fr'],
      phone: '',
      additionalPhones: ['+33612345678'],
    });
    expect(primaryPatch(c, 'email', 'c@x.fr')).toEqual({
      email: 'c@x.fr',
      additionalEmails: ['a@x.fr', 'b@x.fr'],
    });
    // No primary phone yet: the other one simply becomes it.
    expect(primaryPatch(c, 'phone', '+33612345678')).toEqual({
      phone: '+33612345678',
      additionalPhones: [],
    });
  });

  it('turns typed text into the value a field stores', () => {
    expect(patchOf('tags', ' vip, , fidélité ')).toEqual({ tags: ['vip', 'fidélité'] });
    expect(patchOf('city', 'Lyon')).toEqual({ city: 'Lyon' });
    const number = { id: 'n', label: 'N', type: 'number' as const, options: [] };
    expect(customValueOf(number, '3,5')).toBe(3.5);
    expect(customValueOf(number, 'abc')).toEqual({ rule: 'invalidNumber' });
    expect(customValueOf(number, ' ')).toBeNull();
    const yesNo = { id: 'y', label: 'Y', type: 'yesNo' as const, options: [] };
    expect(customValueOf(yesNo, 'no')).toBe(false);
  });
});
