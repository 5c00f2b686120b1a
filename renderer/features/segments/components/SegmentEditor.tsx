import { useEffect, useId, useMemo, useState } from 'react';
import type { SegmentCount } from '../../../../shared/segments/savedSegment';
import { ruleProblems } from '../../../../shared/segments/checkRule';
import type { SegmentField } from '../../../../shared/segments/segmentFields';
import type { RuleGroup } from '../../../../shared/segments/segmentRules';
import { RuleSyntaxError, parseRule, printRule } from '../../../../shared/segments/segmentText';
import { AppError } from '../../../../shared/errors';
import { benchMark } from '../../../app/benchMark';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { RuleBuilder } from './RuleBuilder';

export interface SegmentDraft {
  id?: string;
  name: string;
  description: string;
  rule: RuleGroup;
}

/** User Timing marks around the live count (the bench's segment_count_p95_ms), by rule text. */
export const SEGMENT_COUNT_MARKS = {
  asked: 'comptoir:segment-count-asked',
  shown: 'comptoir:segment-count-shown',
} as const;

/**
 * A segment being built: name and description, its rules in the builder or as text (each
 * follows the other), the live count and the first members. Saving keeps it in the file.
 */
export function SegmentEditor({
  draft,
  fields,
  segmentNames,
  onSave,
  onClose,
}: {
  draft: SegmentDraft;
  fields: ReadonlyMap<string, SegmentField>;
  segmentNames: readonly string[];
  onSave(draft: SegmentDraft): Promise<void>;
  onClose(): void;
}) {
  const t = useT();
  const id = useId();
  const { core } = useServices();
  const [name, setName] = useState(draft.name);
  const [description, setDescription] = useState(draft.description);
  const [rule, setRule] = useState(draft.rule);
  const [view, setView] = useState<'builder' | 'text'>('builder');
  const [text, setText] = useState(() => printRule(draft.rule));
  const [textError, setTextError] = useState<RuleSyntaxError | null>(null);
  /** Changes when the text form replaces the rule: the builder's boxes start again from it. */
  const [generation, setGeneration] = useState(0);
  /** The last answer, with the rule it counted: shown only while that rule is the one edited. */
  const [answer, setAnswer] = useState<{
    rule: RuleGroup;
    count: SegmentCount | null;
    error: string | null;
  } | null>(null);
  const count = answer?.rule === rule ? answer.count : null;
  const countError = answer?.rule === rule ? answer.error : null;
  const [saving, setSaving] = useState(false);
  const problems = useMemo(() => ruleProblems(rule, fields), [rule, fields]);

  const fromBuilder = (next: RuleGroup) => {
    setRule(next);
    setText(printRule(next));
    setTextError(null);
  };
  const fromText = (next: string) => {
    setText(next);
    try {
      setRule(parseRule(next, fields));
      setTextError(null);
      setGeneration((g) => g + 1);
    } catch (error) {
      if (!(error instanceof RuleSyntaxError)) throw error;
      setTextError(error);
    }
  };

  // The live count: asked again 150 ms after the last change, once every condition is complete.
  useEffect(() => {
    // An incomplete rule is not counted; the line says what is missing instead.
    if (problems.length > 0) return;
    let current = true;
    const timer = setTimeout(() => {
      const asked = printRule(rule);
      benchMark(SEGMENT_COUNT_MARKS.asked, asked);
      core.send('segments.count', { rule }).then(
        (counted) => {
          if (!current) return;
          benchMark(SEGMENT_COUNT_MARKS.shown, asked);
          setAnswer({ rule, count: counted, error: null });
        },
        (error: unknown) => {
          if (!current) return;
          const message = error instanceof AppError ? error.message : String(error);
          setAnswer({ rule, count: null, error: message });
        },
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [core, rule, problems.length]);

  const save = async () => {
    setSaving(true);
    try {
      await onSave({ ...(draft.id ? { id: draft.id } : {}), name, description, rule });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="segment-editor"
      aria-label={draft.id ? draft.name : t('segments.new')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="segment-meta">
        <label htmlFor={`${id}-name`}>{t('segment.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          required
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={`${id}-description`}>{t('segment.description')}</label>
        <input
          id={`${id}-description`}
          value={description}
          maxLength={500}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>

      <div className="segment-tabs" role="tablist" aria-label={t('segment.builder')}>
        {(['builder', 'text'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            className={`chip${view === v ? ' chip-on' : ''}`}
            onClick={() => {
              // Back to the builder with a text that does not read: the last rule that did.
              if (v === 'builder' && textError) {
                setText(printRule(rule));
                setTextError(null);
              }
              setView(v);
            }}
          >
            {t(v === 'builder' ? 'segment.builder' : 'segment.text')}
          </button>
        ))}
      </div>

      {view === 'builder' ? (
        <RuleBuilder
          key={generation}
          rule={rule}
          fields={fields}
          segmentNames={segmentNames.filter((n) => n !== draft.name)}
          onChange={fromBuilder}
        />
      ) : (
        <div className="segment-text">
          <textarea
            aria-label={t('segment.text')}
            aria-describedby={`${id}-text-help`}
            aria-invalid={textError !== null}
            spellCheck={false}
            rows={4}
            value={text}
            onChange={(e) => fromText(e.target.value)}
          />
          <p id={`${id}-text-help`} className="hint">
            {textError
              ? t('segment.textError', {
                  at: textError.at + 1,
                  message: textError.message.replace(/ \(at character \d+\)$/, ''),
                })
              : t('segment.textHelp')}
          </p>
        </div>
      )}

      <section className="segment-count" aria-live="polite">
        <p className="segment-count-line">
          {problems.length > 0
            ? t('segment.incomplete', { count: problems.length })
            : countError
              ? t('segment.countError', { message: countError })
              : count
                ? t('segment.count', { count: count.count, all: count.all })
                : t('segment.counting')}
        </p>
        {count && problems.length === 0 && (
          <>
            <h3>{t('segment.preview')}</h3>
            {count.sample.length === 0 ? (
              <p className="hint">{t('segment.previewNone')}</p>
            ) : (
              <ul className="segment-preview">
                {count.sample.map((c) => (
                  <li key={c.id}>
                    <strong>{c.name}</strong>
                    {c.city && <span> · {c.city}</span>}
                    {c.email && <span className="hint"> · {c.email}</span>}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('segment.cancel')}
        </button>
        <button
          type="submit"
          className="button-primary"
          disabled={saving || name.trim() === '' || problems.length > 0 || textError !== null}
        >
          {t('segment.save')}
        </button>
      </div>
    </form>
  );
}
