import { useId, type ReactNode } from 'react';

export interface KpiCardProps {
  label: string;
  value: string;
  /** "+12 % vs 1,204.00 €", when the period is compared. */
  change?: string | null;
  /** Better when it goes up (revenue) or down (inactive customers): colours the change. */
  good?: 'up' | 'down';
  direction?: number | null;
  definition: string;
  /** A way further, under the figure: "See the 27 customers". */
  action?: ReactNode;
}

/** One figure with its one-line definition: on hover (title) and for screen readers. */
export function KpiCard({
  label,
  value,
  change,
  good = 'up',
  direction,
  definition,
  action,
}: KpiCardProps) {
  const id = useId();
  const tone =
    !direction || direction === 0
      ? ''
      : direction > 0 === (good === 'up')
        ? ' kpi-change-good'
        : ' kpi-change-bad';
  return (
    <div className="kpi-card" title={definition} tabIndex={0} aria-describedby={id}>
      <dt>{label}</dt>
      <dd>
        <span className="kpi-value">{value}</span>
        {change && <span className={`kpi-change${tone}`}>{change}</span>}
        <span id={id} className="visually-hidden">
          {definition}
        </span>
        {action}
      </dd>
    </div>
  );
}
