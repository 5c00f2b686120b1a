import { describe, expect, it } from 'vitest';
import { sizeBefore } from './sizeBefore';

describe("a segment's size some days ago", () => {
  const sizes = [
    { day: '2026-10-01', size: 10 },
    { day: '2026-11-01', size: 14 },
    { day: '2026-11-02', size: 15 },
    { day: '2026-12-02', size: 20 },
  ];

  it('is the last count on or before that day', () => {
    expect(sizeBefore(sizes, 30)).toBe(15); // 2026-11-02 is exactly 30 days before
    expect(sizeBefore(sizes, 31)).toBe(14);
    expect(sizeBefore(sizes, 0)).toBe(20);
  });

  it('is the first count for a younger segment, and nothing without counts', () => {
    expect(sizeBefore(sizes, 365)).toBe(10);
    expect(sizeBefore([], 30)).toBeNull();
  });
});
