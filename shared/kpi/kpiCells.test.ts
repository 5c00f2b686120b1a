import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpis } from './computeKpis';
import { scenario } from './kpiArbitraries';
import { kpiCellIds } from './kpiCells';
import { DEFAULT_KPI_SETTINGS, type KpiQuery } from './kpiTypes';

describe('the customers behind a chart bar or a cohort cell', () => {
  it('are as many as the dashboard counted there, for any shop and query', () => {
    fc.assert(
      fc.property(scenario, ({ data, query }) => {
        const report = computeKpis(data, query);
        for (const point of report.series) {
          const cell = (who: 'all' | 'new' | 'returning') =>
            kpiCellIds(data, query, { kind: 'bucket', start: point.start, who });
          const fresh = cell('new');
          const returning = cell('returning');
          expect(fresh).toHaveLength(point.newCustomers);
          expect(returning).toHaveLength(point.returningCustomers);
          expect(new Set(cell('all'))).toEqual(new Set([...fresh, ...returning]));
        }
        for (const row of report.cohorts) {
          const members = kpiCellIds(data, query, {
            kind: 'cohort',
            month: row.month,
            offset: null,
          });
          expect(members).toHaveLength(row.size);
          row.retention.forEach((share, offset) => {
            const active = kpiCellIds(data, query, { kind: 'cohort', month: row.month, offset });
            expect(active.length).toBe(share === null ? 0 : Math.round(share * row.size));
            for (const id of active) expect(members).toContain(id);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names them, in the hand-worked case', () => {
    const DAY = 86_400_000;
    const june = new Date(2026, 5, 1).getTime();
    const customer = (id: string) => ({
      id,
      createdAt: 0,
      city: 'Lyon',
      status: 'customer' as const,
    });
    const buy = (customerId: string, at: number, totalMinor = 1000) => ({
      customerId,
      at,
      totalMinor,
      channel: 'Shop',
    });
    const data = {
      customers: [customer('ana'), customer('bob'), customer('eve')],
      purchases: [
        buy('ana', june - 40 * DAY), // April: Ana's first order
        buy('ana', june + 2 * DAY),
        buy('bob', june + 3 * DAY), // Bob's first order, in June
        buy('eve', june + 4 * DAY, -500), // a refund is not an order
        buy('zed', june + 5 * DAY), // not in the file: nobody to list
      ],
    };
    const query: KpiQuery = {
      from: june,
      to: june + 30 * DAY,
      compare: null,
      bucket: 'month',
      members: null,
      channel: null,
      city: null,
      settings: DEFAULT_KPI_SETTINGS,
    };
    const bucket = (who: 'all' | 'new' | 'returning') =>
      kpiCellIds(data, query, { kind: 'bucket', start: june, who });
    expect(bucket('all')).toEqual(['ana', 'bob']);
    expect(bucket('new')).toEqual(['bob']);
    expect(bucket('returning')).toEqual(['ana']);
    const april = new Date(2026, 3, 1).getTime();
    expect(kpiCellIds(data, query, { kind: 'cohort', month: april, offset: null })).toEqual([
      'ana',
    ]);
    expect(kpiCellIds(data, query, { kind: 'cohort', month: april, offset: 1 })).toEqual([]);
    expect(kpiCellIds(data, query, { kind: 'cohort', month: april, offset: 2 })).toEqual(['ana']);
    expect(kpiCellIds(data, query, { kind: 'bucket', start: june + 1, who: 'all' })).toEqual([]);
    expect(kpiCellIds(data, query, { kind: 'cohort', month: june + 1, offset: null })).toEqual([]);
  });
});
