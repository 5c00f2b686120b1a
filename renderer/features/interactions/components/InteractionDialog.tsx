import { useId, useState, type FormEvent } from 'react';
import { displayName, type Customer } from '../../../../shared/domain/customer';
import { INTERACTION_KINDS, type InteractionKind } from '../../../../shared/domain/interaction';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { Dialog } from '../../../components/Dialog';
import { DialogFooter } from '../../../components/DialogFooter';
import { useToastStore } from '../../../components/toastStore';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { ruleFromError } from '../../customerRecord/utils/fieldPatch';

export interface InteractionDialogProps {
  customer: Customer;
  onClose(): void;
}

/** A visit, call, review, note...: kind, text, and a rating or score where it has one. */
export function InteractionDialog({ customer, onClose }: InteractionDialogProps) {
  const t = useT();
  const { core } = useServices();
  const showToast = useToastStore((s) => s.show);
  const id = useId();
  const [kind, setKind] = useState<InteractionKind>('visit');
  const [text, setText] = useState('');
  const [rating, setRating] = useState('');
  const [score, setScore] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setSaving(true);
    try {
      await core.send('interactions.add', {
        interaction: {
          customerId: customer.id,
          kind,
          at: Date.now(),
          text,
          rating: kind === 'review' && rating ? Number(rating) : null,
          score: kind === 'survey' && score !== '' ? Number(score) : null,
        },
      });
      showToast(t('interaction.saved'));
      onClose();
    } catch (error) {
      const rule = ruleFromError(error);
      setProblem(rule ? t(`rule.${rule}` as MessageKey) : errorText(error, t));
      setSaving(false);
    }
  };

  return (
    <Dialog title={t('interaction.title', { name: displayName(customer) })} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="choice-row">
          <legend>{t('interaction.kind')}</legend>
          {INTERACTION_KINDS.map((k, i) => (
            <label key={k} className="choice">
              <input
                type="radio"
                name={`${id}-kind`}
                value={k}
                checked={kind === k}
                autoFocus={i === 0}
                onChange={() => setKind(k)}
              />
              {t(`interaction.kind.${k}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        {kind === 'review' && (
          <div className="field">
            <label htmlFor={`${id}-rating`}>{t('interaction.rating')}</label>
            <select id={`${id}-rating`} value={rating} onChange={(e) => setRating(e.target.value)}>
              <option value="">—</option>
              {[5, 4, 3, 2, 1].map((n) => (
                <option key={n} value={n}>
                  {t('interaction.stars', { count: n })}
                </option>
              ))}
            </select>
          </div>
        )}
        {kind === 'survey' && (
          <div className="field">
            <label htmlFor={`${id}-score`}>{t('interaction.score')}</label>
            <input
              id={`${id}-score`}
              type="number"
              min="0"
              max="10"
              value={score}
              onChange={(e) => setScore(e.target.value)}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('interaction.text')}</label>
          <textarea
            id={`${id}-text`}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
            }}
          />
        </div>
        <DialogFooter problem={problem} onCancel={onClose}>
          <button type="submit" className="button-primary" disabled={saving}>
            {t('interaction.save')}
          </button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
