import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCustomers } from '../../../shared/demo/customers';
import type { Customer } from '../../../shared/domain/customer';
import { CustomerSearch, narrows, parseQuery, phoneForms } from './customerSearch';

function customer(id: string, fields: Partial<Customer>): Customer {
  return {
    id,
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    city: '',
    tags: [],
    createdAt: 0,
    updatedAt: 0,
    version: 1,
    ...fields,
  };
}

function indexOf(customers: Customer[]) {
  const byId = new Map(customers.map((c) => [c.id, c]));
  const order = customers.map((c) => c.id);
  return { search: new CustomerSearch((id) => byId.get(id)), order, byId };
}

const people = [
  customer('a', { firstName: 'Hélène', lastName: 'Martin', email: 'helene.martin@orange.fr' }),
  customer('b', {
    firstName: 'Marc',
    lastName: 'Hélias',
    city: 'Quimper',
    phone: '+33 6 12 34 56 78',
  }),
  customer('c', {
    firstName: 'Luc',
    lastName: 'Dupont',
    email: 'luc@chelem.fr',
    tags: ['Fidélité'],
  }),
  customer('d', {
    firstName: 'Anne',
    lastName: 'Martinez',
    phone: '07700 900123',
    city: 'Helston',
  }),
  customer('e', { firstName: 'Martin', lastName: 'Durand', email: 'md@free.fr' }),
];

describe('search as you type', () => {
  it('ignores accents and case: "helene" finds Hélène, "FIDELITE" the tag Fidélité', () => {
    const { search, order } = indexOf(people);
    expect(search.search('helene', order)[0]).toBe('a');
    expect(search.search('FIDELITE', order)).toEqual(['c']);
  });

  it('needs every word to match, in any field', () => {
    const { search, order } = indexOf(people);
    expect(search.search('martin orange', order)).toEqual(['a']);
    expect(search.search('quimper marc', order)).toEqual(['b']);
    expect(search.search('martin nobody', order)).toEqual([]);
  });

  it('finds a phone whatever its format', () => {
    const { search, order } = indexOf(people);
    for (const typed of ['06 12 34', '0612345678', '+33 6 12', '0033612', '612 34 56']) {
      expect(search.search(typed, order), typed).toEqual(['b']);
    }
    expect(search.search('+44 7700 900', order)).toEqual(['d']);
    expect(phoneForms('+33 6 12 34 56 78')).toEqual(['33612345678', '0612345678']);
  });

  it('ranks the full name, then last names, first names, other words, then inside words', () => {
    const { search, order } = indexOf(people);
    // "martin": last name of a, start of d's last name, first name of e, inside nothing else.
    expect(search.search('martin', order)).toEqual(['a', 'd', 'e']);
    expect(search.search('martin durand', order)[0]).toBe('e');
    // "hel": last name Hélias (b) before first name Hélène (a) before the city Helston (d), then
    // "chelem" where it is only inside a word (c).
    expect(search.search('hel', order)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('keeps the list order within a rank', () => {
    const { search, order } = indexOf(people);
    const reversed = [...order].reverse();
    expect(search.search('fr', reversed)).toEqual(
      search
        .search('fr', order)
        .slice()
        .sort((x, y) => reversed.indexOf(x) - reversed.indexOf(y)),
    );
  });

  it('follows changes once told', () => {
    const { search, order, byId } = indexOf(people);
    expect(search.search('zoe', order)).toEqual([]);
    byId.set('c', { ...byId.get('c')!, firstName: 'Zoé' });
    search.forget(['c']);
    expect(search.search('zoe', order)).toEqual(['c']);
  });

  it('groups the digits of a phone into one word', () => {
    expect(parseQuery('Dupont 06 12 34')).toEqual([
      { text: 'dupont', spaced: ' dupont', digits: null },
      { text: '061234', spaced: ' 061234', digits: '061234' },
    ]);
    expect(parseQuery('0033 6 12')[0]!.digits).toBe('33612');
    expect(narrows(parseQuery('dup'), parseQuery('dupo'))).toBe(true);
    expect(narrows(parseQuery('dupont'), parseQuery('dupont 06'))).toBe(true);
    expect(narrows(parseQuery('dupont 06'), parseQuery('dupond 06'))).toBe(false);
    expect(narrows(parseQuery('06'), parseQuery('06a'))).toBe(false);
  });

  it('typing letter by letter gives exactly what a fresh search gives', () => {
    const demo = generateDemoCustomers(400, 11).map((input, i) => customer(`c${i}`, { ...input }));
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'aeilnorstu éè0612 +'.split('')), maxLength: 8 }),
        (typed) => {
          const typing = indexOf(demo);
          let last: string[] = [];
          for (let n = 1; n <= typed.length; n++)
            last = typing.search.search(typed.slice(0, n), typing.order);
          const fresh = indexOf(demo);
          expect(last).toEqual(typed ? fresh.search.search(typed, fresh.order) : []);
        },
      ),
      { numRuns: 150 },
    );
  });
});
