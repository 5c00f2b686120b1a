import { useId } from 'react';
import { INTERACTION_KINDS, type InteractionKind } from '../../../../shared/domain/interaction';
import { conditionProblem } from '../../../../shared/segments/checkRule';
import { OPS_BY_TYPE, type SegmentField } from '../../../../shared/segments/segmentFields';
import {
  GROUP_OPS,
  PRODUCT_KEYS,
  type Condition,
  type FieldOp,
  type GroupOp,
  type ProductKey,
  type RuleGroup,
} from '../../../../shared/segments/segmentRules';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import {
  SPECIAL_KINDS,
  appendAt,
  moveAt,
  newCondition,
  removeAt,
  replaceAt,
  withOp,
  type RulePath,
} from '../ruleEditing';
import { fieldLabel } from '../segmentLabels';
import { BoughtEditor, SpanEditor, ValueEditor } from './ValueEditors';

interface BuilderProps {
  rule: RuleGroup;
  fields: ReadonlyMap<string, SegmentField>;
  /** Saved segments' names, for "is in the segment". */
  segmentNames: readonly string[];
  onChange(rule: RuleGroup): void;
}

/**
 * The visual builder: groups (all / any / none of) holding conditions and other groups, each
 * movable and removable. A condition that cannot be counted yet is marked, with what it lacks.
 */
export function RuleBuilder(props: BuilderProps) {
  return <GroupEditor {...props} group={props.rule} path={[]} />;
}

function GroupEditor(props: BuilderProps & { group: RuleGroup; path: RulePath }) {
  const t = useT();
  const { group, path, rule, onChange } = props;
  const id = useId();
  const first = [...props.fields.keys()][0] ?? 'city';
  return (
    <fieldset className={`rule-group${path.length === 0 ? ' rule-root' : ''}`}>
      <legend className="rule-group-head">
        <label htmlFor={`${id}-op`}>{t('group.label')}</label>
        <select
          id={`${id}-op`}
          value={group.op}
          onChange={(e) =>
            onChange(replaceAt(rule, path, { ...group, op: e.target.value as GroupOp }))
          }
        >
          {GROUP_OPS.map((op) => (
            <option key={op} value={op}>
              {t(`group.${op}`)}
            </option>
          ))}
        </select>
        {path.length > 0 && <RowActions {...props} path={path} />}
      </legend>
      {group.rules.length === 0 && <p className="rule-empty">{t('group.empty')}</p>}
      <ol className="rule-items">
        {group.rules.map((child, i) => (
          <li key={i}>
            {child.kind === 'group' ? (
              <GroupEditor {...props} group={child} path={[...path, i]} />
            ) : (
              <ConditionEditor {...props} condition={child} path={[...path, i]} />
            )}
          </li>
        ))}
      </ol>
      <div className="rule-add">
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange(appendAt(rule, path, newCondition(first, props.fields)))}
        >
          {t('group.addCondition')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            onChange(
              appendAt(rule, path, {
                kind: 'group',
                op: 'any',
                rules: [newCondition(first, props.fields)],
              }),
            )
          }
        >
          {t('group.addGroup')}
        </button>
      </div>
    </fieldset>
  );
}

/** Up, down and remove for the rule at `path`. */
function RowActions({ rule, path, onChange }: BuilderProps & { path: RulePath }) {
  const t = useT();
  return (
    <span className="rule-actions">
      {(
        [
          ['rule.up', '↑', () => moveAt(rule, path, -1)],
          ['rule.down', '↓', () => moveAt(rule, path, 1)],
          ['rule.remove', '×', () => removeAt(rule, path)],
        ] as const
      ).map(([label, sign, next]) => (
        <button
          key={label}
          type="button"
          className="icon-button"
          aria-label={t(label)}
          title={t(label)}
          onClick={() => onChange(next())}
        >
          {sign}
        </button>
      ))}
    </span>
  );
}

const KIND_LABELS: Record<(typeof SPECIAL_KINDS)[number], MessageKey> = {
  bought: 'kind.bought',
  never_bought: 'kind.neverBought',
  interacted: 'kind.interacted',
  segment: 'kind.segment',
};

/** What the field picker shows for a condition: its field, or its kind. */
function pickOf(condition: Condition): string {
  if (condition.kind === 'field') return condition.field;
  if (condition.kind === 'bought') return condition.never ? 'never_bought' : 'bought';
  return condition.kind;
}

function ConditionEditor(props: BuilderProps & { condition: Condition; path: RulePath }) {
  const t = useT();
  const id = useId();
  const { condition, path, rule, onChange, fields } = props;
  const set = (next: Condition) => onChange(replaceAt(rule, path, next));
  const problem = conditionProblem(condition, fields);
  const choices = [
    ...[...fields.values()].map((f) => ({ value: f.name, label: fieldLabel(f, t) })),
    ...SPECIAL_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) })),
  ];
  const current = choices.find((c) => c.value === pickOf(condition));
  return (
    <div
      className={`rule-condition${problem ? ' rule-incomplete' : ''}`}
      data-testid="rule-condition"
    >
      <div className="rule-line">
        <input
          className="rule-field"
          aria-label={t('rule.field')}
          placeholder={t('rule.fieldSearch')}
          list={`${id}-fields`}
          defaultValue={current?.label ?? ''}
          key={current?.value}
          onChange={(e) => {
            const typed = e.target.value.trim().toLowerCase();
            const chosen = choices.find(
              (c) => c.label.toLowerCase() === typed || c.value === typed,
            );
            if (chosen && chosen.value !== current?.value) set(newCondition(chosen.value, fields));
          }}
          onFocus={(e) => e.target.select()}
        />
        <datalist id={`${id}-fields`}>
          {choices.map((c) => (
            <option key={c.value} value={c.label} />
          ))}
        </datalist>
        <ConditionBody
          condition={condition}
          fields={fields}
          segmentNames={props.segmentNames}
          onChange={set}
        />
        <RowActions {...props} path={path} />
      </div>
      {problem && (
        <p className="rule-problem" role="note">
          {problem.message}
        </p>
      )}
    </div>
  );
}

/** Everything after the field: operator and value, or a behaviour's own settings. */
function ConditionBody({
  condition,
  fields,
  segmentNames,
  onChange,
}: {
  condition: Condition;
  fields: ReadonlyMap<string, SegmentField>;
  segmentNames: readonly string[];
  onChange(next: Condition): void;
}) {
  const t = useT();
  if (condition.kind === 'bought') {
    return (
      <BoughtEditor
        condition={condition}
        keys={PRODUCT_KEYS.map((k) => ({ value: k, label: t(`bought.key.${k as ProductKey}`) }))}
        onChange={onChange}
      />
    );
  }
  if (condition.kind === 'interacted') {
    return (
      <span className="rule-value">
        <select
          aria-label={t('interacted.type')}
          value={condition.type}
          onChange={(e) => onChange({ ...condition, type: e.target.value as InteractionKind })}
        >
          {INTERACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`interaction.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
        <SpanEditor
          span={condition.within}
          optional
          label={t('bought.within')}
          onChange={(within) => {
            const { within: _w, ...rest } = condition;
            onChange(within ? { ...rest, within } : rest);
          }}
        />
      </span>
    );
  }
  if (condition.kind === 'segment') {
    return (
      <select
        aria-label={t('kind.segment')}
        value={condition.name}
        onChange={(e) => onChange({ ...condition, name: e.target.value })}
      >
        <option value="">—</option>
        {segmentNames.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    );
  }
  const field = fields.get(condition.field);
  if (!field) return null;
  return (
    <>
      <select
        aria-label={t('rule.op')}
        value={condition.op}
        onChange={(e) => onChange(withOp(condition, e.target.value as FieldOp, field))}
      >
        {OPS_BY_TYPE[field.type].map((op) => (
          <option key={op} value={op}>
            {t(`op.${op}` as MessageKey)}
          </option>
        ))}
      </select>
      <ValueEditor condition={condition} field={field} onChange={onChange} />
    </>
  );
}
