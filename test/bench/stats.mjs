/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values, p) {
  if (values.length === 0) throw new Error('percentile of no values');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile ${p} is not in (0, 100]`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

/** The nearest-rank median: the lower middle value when the count is even. */
export const median = (values) => percentile(values, 50);

export const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * One result line. Throws rather than print a number that was not measured: a missing mark or
 * a failed read gives NaN or undefined, never a value.
 */
export function resultLine(metric, value, unit, baseline, target, extra = {}) {
  const measured = (name, v) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new Error(`${metric}: ${name} was not measured (got ${v})`);
    return round(v);
  };
  return {
    metric,
    value: measured('value', value),
    unit,
    baseline: baseline === null ? null : measured('baseline', baseline),
    target,
    ...extra,
  };
}
