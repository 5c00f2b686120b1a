import { afterEach, describe, expect, it, vi } from 'vitest';
import { benchMark, clearUserTiming } from './benchMark';

const details = (name: string) =>
  performance.getEntriesByName(name).map((m) => (m as PerformanceMark).detail);

afterEach(() => {
  vi.unstubAllEnvs();
  performance.clearMarks();
});

describe('benchMark', () => {
  it('keeps no text in the mark outside a bench build', () => {
    benchMark('test:typed', 'marie.curie@example.org');
    expect(details('test:typed')).toEqual([null]);
  });

  it('keeps the text in a bench build, where the bench pairs marks by it', () => {
    vi.stubEnv('MODE', 'bench');
    benchMark('test:typed', 'dupont');
    expect(details('test:typed')).toEqual(['dupont']);
  });

  it('clears every mark and measure (on lock)', () => {
    vi.stubEnv('MODE', 'bench');
    benchMark('test:typed', 'dupont');
    performance.measure('test:measure', 'test:typed');
    clearUserTiming();
    expect(performance.getEntriesByType('mark')).toEqual([]);
    expect(performance.getEntriesByType('measure')).toEqual([]);
  });
});
