import { describe, expect, it } from 'vitest';
import { presetPeriod } from './periods';

const at = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();
const NOW = at(2026, 3, 1, 15); // 1 March 2026, 15:00

describe('dashboard periods', () => {
  it('end tomorrow at midnight so that today counts, and start on whole days', () => {
    expect(presetPeriod('last30', NOW)).toEqual({
      from: at(2026, 1, 31),
      to: at(2026, 3, 2),
      bucket: 'day',
    });
    expect(presetPeriod('last90', NOW)).toMatchObject({ from: at(2025, 12, 2), bucket: 'week' });
  });

  it('count the last 12 months from the first of the month, this month included', () => {
    expect(presetPeriod('last12m', NOW)).toEqual({
      from: at(2025, 4, 1),
      to: at(2026, 3, 2),
      bucket: 'month',
    });
  });

  it('take calendar years for this year and last year', () => {
    expect(presetPeriod('thisYear', NOW)).toMatchObject({
      from: at(2026, 1, 1),
      to: at(2026, 3, 2),
    });
    expect(presetPeriod('lastYear', NOW)).toEqual({
      from: at(2025, 1, 1),
      to: at(2026, 1, 1),
      bucket: 'month',
    });
  });
});
