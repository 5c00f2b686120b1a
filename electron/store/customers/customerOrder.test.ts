import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testCustomer } from '../../../shared/domain/testCustomer';
import { EMPTY_FIGURES } from '../../../shared/domain/figures';
import { filterIds, firstIds, numberKey, sortIds } from './customerOrder';

const people = [
  testCustomer('a', {
    lastName: 'Éluard',
    status: 'customer',
    tags: ['VIP'],
    figures: { ...EMPTY_FIGURES, orderCount: 3, totalSpentMinor: 900 },
    custom: { size: 'M' },
  }),
  testCustomer('b', {
    lastName: 'adam',
    status: 'lead',
    figures: { ...EMPTY_FIGURES, orderCount: 1, totalSpentMinor: 100 },
  }),
  testCustomer('c', {
    lastName: 'Zola',
    status: 'customer',
    tags: ['vip', 'presse'],
    custom: { size: 'S' },
  }),
  testCustomer('d', { firstName: 'Sans', status: 'archived' }),
];
const byId = new Map(people.map((c) => [c.id, c]));

describe('list order and quick filters', () => {
  it('encodes numbers so that their keys sort as the numbers do', () => {
    const numbers = [-1e9, -2.5, -1, -0.001, 0, 0.5, 1, 2, 10, 1e12, Number.MAX_SAFE_INTEGER];
    const keys = numbers.map(numberKey);
    expect([...keys].sort()).toEqual(keys);
  });

  it('sorts by name without accents or case, empty values last in both directions', () => {
    expect(sortIds(people, { field: 'name', direction: 'asc' })).toEqual(['b', 'a', 'd', 'c']);
    // Equal figures fall back to the name, reversed with the direction.
    expect(sortIds(people, { field: 'totalSpent', direction: 'desc' })).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(sortIds(people, { field: 'totalSpent', direction: 'asc' })).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
    // A custom field: who has no value comes last, then by name.
    expect(sortIds(people, { field: 'custom:size', direction: 'asc' })).toEqual([
      'a',
      'c',
      'b',
      'd',
    ]);
    expect(sortIds(people, { field: 'custom:size', direction: 'desc' })).toEqual([
      'c',
      'a',
      'b',
      'd',
    ]);
    // Status follows the customer's life: lead before customer before archived.
    expect(sortIds(people, { field: 'status', direction: 'asc' })).toEqual(['b', 'a', 'c', 'd']);
  });

  it('gives the first rows of any order without sorting the rest, the same as a full sort', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      testCustomer(`id${i}`, {
        lastName: ['Martin', 'Bernard', 'Dubois', 'Élise', ''][i % 5]!,
        firstName: `P${(i * 7919) % 300}`,
        figures: { ...EMPTY_FIGURES, totalSpentMinor: (i * 31) % 50, orderCount: i % 3 },
      }),
    );
    for (const field of ['name', 'totalSpent', 'orderCount'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const full = sortIds(many, { field, direction });
        for (const count of [1, 50, 299, 400]) {
          expect(firstIds(many, { field, direction }, count)).toEqual(full.slice(0, count));
        }
      }
    }
  });

  it('skips by first letter only customers a full sort would place after the page (property)', () => {
    // Names starting with what folding changes or drops: accents, ^ and ` (diacritics), case.
    const start = fc.constantFrom('', 'a', 'B', 'z', 'É', 'é', '^', '`', '0', '9', ' ', 'Ø', 'ß');
    const name = fc.tuple(start, fc.string({ maxLength: 4 })).map(([a, b]) => a + b);
    const customers = fc
      .array(fc.tuple(name, name), { minLength: 1, maxLength: 80 })
      .map((names) =>
        names.map(([lastName, firstName], i) => testCustomer(`id${i}`, { lastName, firstName })),
      );
    fc.assert(
      fc.property(customers, fc.integer({ min: 1, max: 30 }), (list, count) => {
        for (const direction of ['asc', 'desc'] as const) {
          const full = sortIds(list, { field: 'name', direction });
          expect(firstIds(list, { field: 'name', direction }, count)).toEqual(full.slice(0, count));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps any of the chosen statuses and the tag, whatever its case or accents', () => {
    const all = people.map((c) => c.id);
    const get = (id: string) => byId.get(id)!;
    expect(filterIds(all, { statuses: ['customer'], tag: '' }, get)).toEqual(['a', 'c']);
    expect(filterIds(all, { statuses: [], tag: 'vip' }, get)).toEqual(['a', 'c']);
    expect(filterIds(all, { statuses: ['customer', 'lead'], tag: 'presse' }, get)).toEqual(['c']);
    expect(filterIds(all, { statuses: ['archived'], tag: '' }, get)).toEqual(['d']);
    // A segment's members, with the other filters on top.
    const members = new Set(['a', 'b', 'd']);
    const inSegment = { statuses: [], tag: '', segment: 's1' };
    expect(filterIds(all, inSegment, get, members)).toEqual(['a', 'b', 'd']);
    expect(filterIds(all, { ...inSegment, tag: 'vip' }, get, members)).toEqual(['a']);
  });
});
