import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SegmentSummary } from '../../../../shared/segments/savedSegment';

/** The segment's size, one point a day, as a small line. */
export function SizeHistory({ sizes, label }: { sizes: SegmentSummary['sizes']; label: string }) {
  if (sizes.length === 0) return <div className="segment-history" />;
  return (
    <figure className="segment-history" aria-label={label}>
      <ResponsiveContainer width="100%" height={56}>
        <LineChart data={sizes} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
          <XAxis dataKey="day" hide />
          <YAxis hide domain={['dataMin', 'dataMax']} />
          <Tooltip formatter={(value) => [String(value), label]} />
          <Line
            type="monotone"
            dataKey="size"
            stroke="#2f6f62"
            strokeWidth={2}
            dot={sizes.length < 3}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}
