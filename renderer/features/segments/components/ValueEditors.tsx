import type { SegmentField } from '../../../../shared/segments/segmentFields';
import {
  SPAN_UNITS,
  type BoughtCondition,
  type Condition,
  type DayValue,
  type FieldCondition,
  type ProductKey,
  type Span,
  type SpanUnit,
} from '../../../../shared/segments/segmentRules';
import { useT } from '../../../i18n/useT';
import { choiceLabel } from '../segmentLabels';

/** A number typed, or undefined while the box is empty. */
const numberOf = (text: string): number | undefined =>
  text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);

/** The value of a field condition, edited as its field type and operator want. */
export function ValueEditor({
  condition,
  field,
  onChange,
}: {
  condition: FieldCondition;
  field: SegmentField;
  onChange(next: Condition): void;
}) {
  const t = useT();
  const { op, value } = condition;
  const set = (v: FieldCondition['value']) => {
    const { value: _old, ...rest } = condition;
    onChange(v === undefined ? rest : { ...rest, value: v });
  };
  if (op === 'is_empty' || op === 'is_not_empty') return null;
  if (op === 'in_last' || op === 'in_next') {
    return <SpanEditor span={value as Span | undefined} label={t('rule.value')} onChange={set} />;
  }
  switch (field.type) {
    case 'yesNo':
      return (
        <select
          aria-label={t('rule.value')}
          value={value === false ? 'no' : 'yes'}
          onChange={(e) => set(e.target.value === 'yes')}
        >
          <option value="yes">{t('value.yes')}</option>
          <option value="no">{t('value.no')}</option>
        </select>
      );
    case 'choice':
      return (
        <select
          aria-label={t('rule.value')}
          value={(value as string | undefined) ?? ''}
          onChange={(e) => set(e.target.value)}
        >
          <option value="">—</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {choiceLabel(field, o, t)}
            </option>
          ))}
        </select>
      );
    case 'list':
      return (
        <input
          className="rule-text"
          aria-label={t('rule.value')}
          title={t('value.listHint')}
          placeholder={t('value.listHint')}
          defaultValue={((value as string[] | undefined) ?? []).join(', ')}
          onChange={(e) =>
            set(
              e.target.value
                .split(',')
                .map((v) => v.trim())
                .filter((v) => v !== ''),
            )
          }
        />
      );
    case 'number':
    case 'money':
      if (op === 'between') {
        const [from, to] = (value as [number, number] | undefined) ?? [undefined, undefined];
        const pair = (a: number | undefined, b: number | undefined) =>
          set(a === undefined || b === undefined ? undefined : [a, b]);
        return (
          <span className="rule-value">
            <input
              type="number"
              step="any"
              className="rule-number"
              aria-label={t('rule.from')}
              defaultValue={from ?? ''}
              onChange={(e) => pair(numberOf(e.target.value), to)}
            />
            <input
              type="number"
              step="any"
              className="rule-number"
              aria-label={t('rule.to')}
              defaultValue={to ?? ''}
              onChange={(e) => pair(from, numberOf(e.target.value))}
            />
          </span>
        );
      }
      return (
        <input
          type="number"
          step="any"
          className="rule-number"
          aria-label={t('rule.value')}
          defaultValue={(value as number | undefined) ?? ''}
          onChange={(e) => set(numberOf(e.target.value))}
        />
      );
    case 'date':
      if (op === 'between') {
        const [from, to] = (value as [DayValue, DayValue] | undefined) ?? [undefined, undefined];
        return (
          <span className="rule-value">
            <DayEditor
              day={from}
              label={t('rule.from')}
              onChange={(d) => set(d === undefined || to === undefined ? undefined : [d, to])}
            />
            <DayEditor
              day={to}
              label={t('rule.to')}
              onChange={(d) => set(d === undefined || from === undefined ? undefined : [from, d])}
            />
          </span>
        );
      }
      return (
        <DayEditor day={value as DayValue | undefined} label={t('rule.value')} onChange={set} />
      );
    default:
      return (
        <input
          className="rule-text"
          aria-label={t('rule.value')}
          defaultValue={(value as string | undefined) ?? ''}
          onChange={(e) => set(e.target.value)}
        />
      );
  }
}

/** A number of days, weeks or months; optional ones can be left empty ("ever"). */
export function SpanEditor({
  span,
  label,
  optional = false,
  onChange,
}: {
  span: Span | undefined;
  label: string;
  optional?: boolean;
  onChange(span: Span | undefined): void;
}) {
  const t = useT();
  const unit = span?.unit ?? 'd';
  return (
    <span className="rule-value">
      {optional && <span className="rule-word">{label}</span>}
      <input
        type="number"
        min={1}
        step={1}
        className="rule-number"
        aria-label={label}
        placeholder={optional ? t('bought.ever') : ''}
        defaultValue={span?.count ?? ''}
        onChange={(e) => {
          const count = numberOf(e.target.value);
          onChange(count === undefined ? undefined : { count, unit });
        }}
      />
      <UnitSelect
        label={label}
        unit={unit}
        onChange={(u) => span && onChange({ ...span, unit: u })}
      />
    </span>
  );
}

/** Days, weeks or months. */
function UnitSelect({
  label,
  unit,
  onChange,
}: {
  label: string;
  unit: SpanUnit;
  onChange(unit: SpanUnit): void;
}) {
  const t = useT();
  return (
    <select
      aria-label={`${label} (${t('unit.d')}, ${t('unit.w')}, ${t('unit.m')})`}
      value={unit}
      onChange={(e) => onChange(e.target.value as SpanUnit)}
    >
      {SPAN_UNITS.map((u) => (
        <option key={u} value={u}>
          {t(`unit.${u}`)}
        </option>
      ))}
    </select>
  );
}

type DayMode = 'date' | 'ago' | 'ahead' | 'today';

/** A calendar day, N days/weeks/months ago or from now, or today. */
function DayEditor({
  day,
  label,
  onChange,
}: {
  day: DayValue | undefined;
  label: string;
  onChange(day: DayValue | undefined): void;
}) {
  const t = useT();
  const mode: DayMode =
    day === undefined || typeof day === 'string'
      ? 'date'
      : day.offset === 0
        ? 'today'
        : day.offset < 0
          ? 'ago'
          : 'ahead';
  const relative = typeof day === 'object' ? day : undefined;
  const count = relative ? Math.abs(relative.offset) : undefined;
  const unit = relative?.unit ?? 'd';
  const setMode = (next: DayMode) => {
    if (next === 'today') onChange({ offset: 0, unit: 'd' });
    else if (next === 'date') onChange(undefined);
    else onChange({ offset: (next === 'ago' ? -1 : 1) * (count || 30), unit });
  };
  return (
    <span className="rule-value">
      <select
        aria-label={`${label}: ${t('day.date')}`}
        value={mode}
        onChange={(e) => setMode(e.target.value as DayMode)}
      >
        <option value="date">{t('day.date')}</option>
        <option value="ago">{t('day.ago')}</option>
        <option value="ahead">{t('day.ahead')}</option>
        <option value="today">{t('day.today')}</option>
      </select>
      {mode === 'date' && (
        <input
          type="date"
          aria-label={label}
          value={typeof day === 'string' ? day : ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
      )}
      {(mode === 'ago' || mode === 'ahead') && (
        <>
          <input
            type="number"
            min={1}
            className="rule-number"
            aria-label={label}
            value={count ?? ''}
            onChange={(e) => {
              const n = numberOf(e.target.value);
              if (n !== undefined && n > 0)
                onChange({ offset: (mode === 'ago' ? -1 : 1) * n, unit });
            }}
          />
          <UnitSelect
            label={label}
            unit={unit}
            onChange={(u) => relative && onChange({ ...relative, unit: u })}
          />
        </>
      )}
    </span>
  );
}

/** Bought (or never bought) a product, category or SKU: how often, for how much, since when. */
export function BoughtEditor({
  condition,
  keys,
  onChange,
}: {
  condition: BoughtCondition;
  keys: { value: ProductKey; label: string }[];
  onChange(next: Condition): void;
}) {
  const t = useT();
  const without = <K extends 'times' | 'amount' | 'within'>(key: K) => {
    const copy = { ...condition };
    delete copy[key];
    return copy;
  };
  return (
    <span className="rule-value rule-bought">
      <select
        aria-label={t('rule.op')}
        value={condition.key}
        onChange={(e) => onChange({ ...condition, key: e.target.value as ProductKey })}
      >
        {keys.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
      <input
        className="rule-text"
        aria-label={t('rule.value')}
        defaultValue={condition.value}
        onChange={(e) => onChange({ ...condition, value: e.target.value })}
      />
      {!condition.never && (
        <>
          <span className="rule-word">{t('bought.times')}</span>
          <input
            type="number"
            min={1}
            className="rule-number"
            aria-label={t('bought.times')}
            defaultValue={condition.times ?? ''}
            onChange={(e) => {
              const n = numberOf(e.target.value);
              onChange(n === undefined ? without('times') : { ...condition, times: n });
            }}
          />
          <span className="rule-word">{t('bought.amount')}</span>
          <input
            type="number"
            min={0}
            step="any"
            className="rule-number"
            aria-label={t('bought.amount')}
            defaultValue={condition.amount ?? ''}
            onChange={(e) => {
              const n = numberOf(e.target.value);
              onChange(n === undefined ? without('amount') : { ...condition, amount: n });
            }}
          />
        </>
      )}
      <SpanEditor
        span={condition.within}
        optional
        label={t('bought.within')}
        onChange={(within) => onChange(within ? { ...condition, within } : without('within'))}
      />
    </span>
  );
}
