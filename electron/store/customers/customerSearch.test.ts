import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCustomers } from '../../../shared/demo/customers';
import type { Customer } from '../../../shared/domain/customer';
import { testCustomer } from '../../../shared/domain/testCustomer';
import { CustomerSearch } from './customerSearch';
import { parseQuery, phoneForms } from './searchEntry';

const customer = testCustomer;

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
    // Any other country as stored (E.164): its international digits and the national way.
    expect(phoneForms('+32470123456')).toEqual(['32470123456', '0470123456']);
    expect(phoneForms('+14155552671')).toEqual(['14155552671', '4155552671']);
  });

  it('ranks the full name, then last names, first names, other words; never inside a word', () => {
    const { search, order } = indexOf(people);
    // "martin": last name of a, start of d's last name, first name of e, inside nothing else.
    expect(search.search('martin', order)).toEqual(['a', 'd', 'e']);
    expect(search.search('martin durand', order)[0]).toBe('e');
    // "hel": last name Hélias (b) before first name Hélène (a) before the city Helston (d); not
    // "chelem" (c), where it is only inside a word.
    expect(search.search('hel', order)).toEqual(['b', 'a', 'd']);
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
      { text: 'dupont', spaced: ' dupont', digits: null, barred: '|', head: 'dupont', plain: true },
      {
        text: '061234',
        spaced: ' 061234',
        digits: '061234',
        barred: '|061234',
        head: '061234',
        plain: true,
      },
    ]);
    // A word with separators is looked up by its first plain run, then checked whole.
    expect(parseQuery("(d'Arc")[0]).toMatchObject({ text: "(d'arc", head: 'd', plain: false });
    expect(parseQuery('-')[0]).toMatchObject({ head: '', plain: false });
    expect(parseQuery('0033 6 12')[0]!.digits).toBe('33612');
  });

  it('the index finds exactly what a scan of every customer finds, also after changes', async () => {
    const demo = generateDemoCustomers(600, 11).map((input, i) => customer(`c${i}`, { ...input }));
    demo.push(
      customer('x1', { firstName: 'Jeanne', lastName: "d'Arc", email: 'jeanne.darc@orleans.fr' }),
    );
    const { search, order, byId } = indexOf(demo);
    await search.warm(order);
    // Some customers change after the index was built, one is deleted.
    for (const id of ['c3', 'c40', 'c41'])
      byId.set(id, { ...byId.get(id)!, lastName: 'Zanzibar', phone: '+33 6 00 00 00 01' });
    byId.delete('c5');
    search.forget(['c3', 'c40', 'c41', 'c5']);
    const live = order.filter((id) => byId.has(id));
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(..."aeilnorstuzéè0612+9' .@".split('')),
          minLength: 1,
          maxLength: 7,
        }),
        (typed) => {
          expect(search.search(typed, live)).toEqual(search.search(typed, live, { scan: true }));
        },
      ),
      { numRuns: 300 },
    );
    // Seven and eight letters of a real word are read from their own buckets: same answers and ranks.
    const long = [...new Set(demo.flatMap((c) => [c.firstName, c.lastName, c.city]))].filter(
      (word): word is string => !!word && word.length >= 8,
    );
    expect(long.length).toBeGreaterThan(5);
    for (const word of long)
      for (const typed of [word.slice(0, 7), word.slice(0, 8), word.slice(0, 7).toUpperCase()])
        expect(search.search(typed, live)).toEqual(search.search(typed, live, { scan: true }));
    expect(search.search("d'arc", live)).toEqual(['x1']);
    expect(search.search('jeanne.da', live)).toEqual(['x1']);
    // All separators: nothing to look up, so a scan (the same answer, only slower).
    expect(search.search('@', live)).toEqual(search.search('@', live, { scan: true }));
    expect(search.search('jeanne.darc@orleans.fr', live)).toEqual(['x1']);
    expect(search.search('zanzibar', live)).toEqual(['c3', 'c40', 'c41']);
    expect(search.search('6 00 00 00 01', live)).toEqual(['c3', 'c40', 'c41']);
  });

  it('works out one-character searches ahead, the same as a scan, and forgets them on a change', async () => {
    const demo = generateDemoCustomers(400, 5).map((input, i) => customer(`c${i}`, { ...input }));
    const { search, order, byId } = indexOf(demo);
    await search.warm(order);
    search.prepare(order);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const char of 'aehmz0'.split(''))
      expect(search.search(char, order)).toEqual(search.search(char, order, { scan: true }));
    // A customer now has a word starting with "q": the worked-out "q" must not hide them.
    byId.set('c7', { ...byId.get('c7')!, lastName: 'Quenelle' });
    search.forget(['c7']);
    expect(search.search('q', order)).toContain('c7');
    expect(search.search('q', order)).toEqual(search.search('q', order, { scan: true }));
  });

  it('files a bulk change in the background, scanning meanwhile, and then uses the index again', async () => {
    const demo = generateDemoCustomers(300, 3).map((input, i) => customer(`c${i}`, { ...input }));
    const { search, order, byId } = indexOf(demo);
    await search.warm(order);
    const added = generateDemoCustomers(2500, 4).map((input, i) =>
      customer(`n${i}`, { ...input, lastName: i % 2 ? 'Zanzibar' : input.lastName }),
    );
    for (const c of added) byId.set(c.id, c);
    search.forget(added.map((c) => c.id));
    const all = [...order, ...added.map((c) => c.id)];
    // Right away: a scan, so the new customers are found already.
    const now = search.search('zanzibar', all);
    expect(now).toHaveLength(1250);
    expect(now).toEqual(search.search('zanzibar', all, { scan: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const typed of ['zan', 'z', 'ma', 'zanzibar 06'])
      expect(search.search(typed, all)).toEqual(search.search(typed, all, { scan: true }));
  });
});
