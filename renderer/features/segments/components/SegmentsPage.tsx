import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { SegmentSummary } from '../../../../shared/segments/savedSegment';
import { segmentFields } from '../../../../shared/segments/segmentFields';
import { everyone } from '../../../../shared/segments/segmentRules';
import { useServices } from '../../../app/services';
import { errorText } from '../../../app/errorText';
import { useToastStore } from '../../../components/toastStore';
import { formatDate } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';
import { SegmentEditor, type SegmentDraft } from './SegmentEditor';
import { SizeHistory } from './SizeHistory';

/**
 * Saved segments with their size and its history, and the builder for a new or changed one.
 * "Show the customers" opens the members as the customer list (where they can be exported).
 */
export function SegmentsPage({ onShowMembers }: { onShowMembers(segment: SegmentSummary): void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { core, fileSettings } = useServices();
  const settings = useStore(fileSettings, (s) => s.settings);
  const showToast = useToastStore((s) => s.show);
  const fields = useMemo(() => segmentFields(settings.customFields), [settings.customFields]);
  const [segments, setSegments] = useState<SegmentSummary[] | null>(null);
  const [editing, setEditing] = useState<SegmentDraft | null>(null);

  const load = useCallback(
    () =>
      core
        .send('segments.list', {})
        .then(setSegments, (e: unknown) => showToast(errorText(e, t), 'error')),
    [core, showToast, t],
  );
  useEffect(() => {
    void load();
    return core.on('customers.changed', () => void load());
  }, [core, load]);

  const act = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) showToast(done);
      await load();
    } catch (error) {
      showToast(errorText(error, t), 'error');
    }
  };

  return (
    <main className="segments-page" aria-labelledby="segments-title">
      <div className="segments-head">
        <div>
          <h1 id="segments-title">{t('segments.title')}</h1>
          <p className="hint">{t('segments.intro')}</p>
        </div>
        {!editing && (
          <button
            type="button"
            className="button-primary"
            onClick={() => setEditing({ name: '', description: '', rule: everyone() })}
          >
            {t('segments.new')}
          </button>
        )}
      </div>

      {editing && (
        <SegmentEditor
          key={editing.id ?? 'new'}
          draft={editing}
          fields={fields}
          segmentNames={(segments ?? []).map((s) => s.name)}
          onClose={() => setEditing(null)}
          onSave={async (draft) => {
            try {
              await core.send('segments.save', draft);
              // The list first, then the editor closes: no "nothing saved yet" in between.
              await load();
              showToast(t('segments.saved'));
              setEditing(null);
            } catch (error) {
              showToast(errorText(error, t), 'error');
            }
          }}
        />
      )}

      {segments && segments.length === 0 && !editing && (
        <p className="empty">{t('segments.empty')}</p>
      )}
      <ul className="segment-list">
        {(segments ?? []).map((segment) => (
          <li key={segment.id} className="segment-card" data-testid="segment-card">
            <div className="segment-card-text">
              <h2>{segment.name}</h2>
              {segment.description && <p>{segment.description}</p>}
              <p className="segment-size">
                {segment.size !== null
                  ? t('segments.size', { count: segment.size })
                  : t('segments.sizeUnknown', { problem: segment.problem ?? '' })}
              </p>
              <p className="hint">
                {t('segments.updated', { date: formatDate(language, segment.updatedAt) })}
              </p>
            </div>
            <SizeHistory sizes={segment.sizes} label={t('segments.history')} />
            <div className="segment-card-actions">
              <button
                type="button"
                className="button-primary"
                onClick={() => onShowMembers(segment)}
              >
                {t('segments.members')}
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() =>
                  setEditing({
                    id: segment.id,
                    name: segment.name,
                    description: segment.description,
                    rule: segment.rule,
                  })
                }
              >
                {t('segments.edit')}
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() =>
                  void act(() =>
                    core.send('segments.duplicate', {
                      id: segment.id,
                      copyName: t('segments.copyName', { name: '{name}', n: '{n}' }),
                    }),
                  )
                }
              >
                {t('segments.duplicate')}
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  if (window.confirm(t('segments.deleteConfirm', { name: segment.name }))) {
                    void act(
                      () => core.send('segments.delete', { id: segment.id }),
                      t('segments.deleted'),
                    );
                  }
                }}
              >
                {t('segments.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
