import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpis } from './computeKpis';
import { explainRfm } from './explainRfm';
import { CUSTOMER_IDS, UNKNOWN_IDS, query, scenario, shop } from './kpiArbitraries';
import { naiveExplainRfm } from './naiveCustomerKpis';
import { naiveKpis } from './naiveKpis';

/** Keys whose numbers are quotients: compared within 1e-9, every other number exactly. */
const RATIOS = new Set([
  'frequency',
  'repeatRate',
  'rate',
  'retention',
  'paretoShare',
  'ordersPerBuyerPerYear',
  'annualChurnRate',
  'expectedLifetimeYears',
  'ratio',
]);

/** The path of the first difference between two reports, or null when they agree. */
function difference(a: unknown, b: unknown, path = '', ratio = false): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    const same = ratio ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;
    return same ? null : `${path}: ${a} ≠ ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const found = difference(a[i], b[i], `${path}[${i}]`, ratio);
      if (found) return found;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a).sort();
    if (keys.join() !== Object.keys(b).sort().join()) return `${path}: keys differ`;
    for (const key of keys) {
      const found = difference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
        ratio || RATIOS.has(key),
      );
      if (found) return found;
    }
    return null;
  }
  return a === b ? null : `${path}: ${String(a)} ≠ ${String(b)}`;
}

describe('computeKpis agrees with the naive reference', () => {
  it('on random shops and queries', () => {
    fc.assert(
      fc.property(scenario, ({ data, query: q }) => {
        expect(difference(computeKpis(data, q), naiveKpis(data, q))).toBeNull();
        for (const id of [...CUSTOMER_IDS, ...UNKNOWN_IDS]) {
          expect(difference(explainRfm(data, q, id), naiveExplainRfm(data, q, id), id)).toBeNull();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('on the same lists queried again (columns reused from the cache)', () => {
    fc.assert(
      fc.property(shop, fc.array(query, { minLength: 2, maxLength: 4 }), (data, queries) => {
        for (const q of queries) {
          expect(difference(computeKpis(data, q), naiveKpis(data, q))).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});
