import { describe, expect, it } from 'vitest';
import { median, percentile, resultLine } from '../../bench/stats.mjs';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('picks the value at rank ceil(p·n)', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 1)).toBe(1);
  });

  it('takes the 38th of 40 keystrokes for p95, not the 39th', () => {
    const forty = Array.from({ length: 40 }, (_, i) => i + 1);
    expect(percentile(forty, 95)).toBe(38);
  });

  it('gives the middle of an odd count and the lower middle of an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([7])).toBe(7);
  });

  it('refuses no values and a percentile out of range', () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
    expect(() => percentile([1], 0)).toThrow(/not in/);
    expect(() => percentile([1], 101)).toThrow(/not in/);
  });
});

describe('resultLine', () => {
  it('rounds to one decimal and keeps the extra fields', () => {
    expect(resultLine('x_ms', 12.345, 'ms', 99.99, 16, { n: 3 })).toEqual({
      metric: 'x_ms',
      value: 12.3,
      unit: 'ms',
      baseline: 100,
      target: 16,
      n: 3,
    });
  });

  it('accepts a null baseline', () => {
    expect(resultLine('x_ms', 1, 'ms', null, null).baseline).toBeNull();
  });

  it('throws instead of printing a value that was not measured', () => {
    expect(() => resultLine('x_ms', Number.NaN, 'ms', 1, null)).toThrow(/x_ms: value/);
    expect(() => resultLine('x_ms', undefined, 'ms', 1, null)).toThrow(/x_ms: value/);
    expect(() => resultLine('x_ms', 1, 'ms', undefined, null)).toThrow(/x_ms: baseline/);
    expect(() => resultLine('x_ms', -3, 'ms', 1, null)).toThrow(/x_ms: value/);
  });
});
