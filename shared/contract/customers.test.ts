import { describe, expect, it } from 'vitest';
import { isFiltered, listQuerySchema, NO_LIST_FILTER } from './customers';

const query = { from: 0, to: 86_400_000, bucket: 'month' };

describe('the list filter', () => {
  it('has no dashboard figure unless one is given: older callers still read', () => {
    expect(listQuerySchema.filter.parse(undefined)).toEqual(NO_LIST_FILTER);
    expect(listQuerySchema.filter.parse({ segment: 's1' })).toEqual({
      ...NO_LIST_FILTER,
      segment: 's1',
    });
    expect(isFiltered(NO_LIST_FILTER)).toBe(false);
  });

  it('takes an RFM group or the inactive customers, with the dashboard query filled in', () => {
    const kpi = { query, pick: { kind: 'rfm', group: 'atRisk' } };
    const filter = listQuerySchema.filter.parse({ kpi });
    expect(filter.kpi).toEqual({
      query: expect.objectContaining({ ...query, segment: null, channel: null, city: null }),
      pick: { kind: 'rfm', group: 'atRisk' },
    });
    expect(isFiltered(filter)).toBe(true);
    expect(
      listQuerySchema.filter.parse({ kpi: { query, pick: { kind: 'inactive' } } }).kpi?.pick,
    ).toEqual({ kind: 'inactive' });
  });

  it('refuses an unknown group or pick, a stray key and a bad period', () => {
    const accepted = (kpi: unknown) => listQuerySchema.filter.safeParse({ kpi }).success;
    expect(accepted({ query, pick: { kind: 'rfm', group: 'sleepy' } })).toBe(false);
    expect(accepted({ query, pick: { kind: 'rfm' } })).toBe(false);
    expect(accepted({ query, pick: { kind: 'top' } })).toBe(false);
    expect(accepted({ query, pick: { kind: 'inactive', group: 'lost' } })).toBe(false);
    expect(accepted({ query, pick: { kind: 'inactive' }, ids: ['a'] })).toBe(false);
    expect(accepted({ query: { ...query, to: 0 }, pick: { kind: 'inactive' } })).toBe(false);
  });
});
