import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeSlots } from './timeOrder';

/** The slots by the obvious stable sort. */
const expected = (times: number[]) => {
  const order = times.map((_, p) => p).sort((a, b) => times[a]! - times[b]! || a - b);
  const slot = new Int32Array(times.length);
  order.forEach((p, i) => (slot[p] = i));
  return slot;
};

describe('purchases put in time order', () => {
  it.each([
    ['whole ms (radix sort)', fc.integer({ min: 1.6e12, max: 1.9e12 })],
    ['few distinct times (many ties)', fc.constantFrom(0, 1, 2 ** 22, 2 ** 40, 2 ** 44 - 1)],
    ['fractions of a ms (compared)', fc.double({ min: 0, max: 1e6, noNaN: true })],
    ['centuries apart (compared)', fc.constantFrom(-(2 ** 50), 0, 2 ** 50, 5)],
  ])('%s: stable, like a comparator sort', (_, time) => {
    fc.assert(
      fc.property(fc.array(time, { maxLength: 300 }), (times) => {
        expect(timeSlots(Float64Array.from(times))).toEqual(expected(times));
      }),
      { numRuns: 300 },
    );
  });
});
