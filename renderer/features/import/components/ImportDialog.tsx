import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import type {
  ImportInspection,
  ImportPreview,
  ImportSummary,
} from '../../../../shared/contract/imports';
import { customFieldIdFor } from '../../../../shared/domain/customFields';
import { isMultipleTarget, type TargetId } from '../../../../shared/import/mapping/importTargets';
import { AppError } from '../../../../shared/errors';
import { Dialog } from '../../../components/Dialog';
import { useToastStore } from '../../../components/toastStore';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import {
  ImportMapping,
  mappingProblem,
  ordersMappingProblem,
  type FileReading,
  type ImportChoices,
} from './ImportMapping';
import { saveFile } from '../../export/saveFile';
import { saveMapping, savedMapping } from '../utils/savedMappings';
import { sendFile } from '../utils/sendFile';
import { ImportOutcome } from './ImportOutcome';

/**
 * User Timing marks the bench reads. Parse to persisted is the store's three steps, without
 * the user's reading time between them: (inspected - read) + (checked - check) + (done - run).
 */
export const IMPORT_MARKS = {
  read: 'comptoir:import-read',
  inspected: 'comptoir:import-inspected',
  check: 'comptoir:import-check',
  checked: 'comptoir:import-checked',
  run: 'comptoir:import-run',
  done: 'comptoir:import-done',
} as const;

type Step =
  | { kind: 'choose' }
  | { kind: 'map'; file: ImportInspection }
  | { kind: 'preview'; file: ImportInspection; preview: ImportPreview }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; summary: ImportSummary };

/**
 * The CSV import wizard: choose a file, check how it was read and what each column becomes,
 * see every problem before anything is written, run with progress and cancel, then download
 * the rejected rows or undo the whole import.
 */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { core, host, fileSettings } = useServices();
  const showToast = useToastStore((s) => s.show);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [choices, setChoices] = useState<ImportChoices | null>(null);
  const settings = useStore(fileSettings, (s) => s.settings);
  const customFields = settings.customFields;
  const [busy, setBusy] = useState(false);
  /** The mapping came from the last import of a file with the same columns. */
  const [remembered, setRemembered] = useState(false);
  const running = useRef<AbortController | null>(null);
  /** The file on its way to the store: bytes sent of its size. */
  const [sending, setSending] = useState<{ name: string; sent: number; size: number } | null>(null);

  const fail = (error: unknown) => {
    const cancelled = error instanceof AppError && error.code === 'CANCELLED';
    showToast(
      cancelled ? t('import.cancelled') : errorText(error, t),
      cancelled ? 'info' : 'error',
    );
  };

  /** The store reads the file it was sent (again, with other choices, from the mapping step). */
  const inspect = async (fileId: string, how: FileReading, keepMapping: boolean) => {
    setBusy(true);
    try {
      const file = await core.send('import.inspect', { fileId, ...how });
      performance.mark(IMPORT_MARKS.inspected);
      // An orders export is read as orders; its mapping is the one its columns suggest.
      const what = file.orders.looksLike ? 'orders' : 'customers';
      const remembered =
        file.kind === 'csv' && what === 'customers' ? await savedMapping(file.headers) : null;
      setStep({ kind: 'map', file });
      setRemembered(remembered !== null && !keepMapping);
      setChoices((before) => ({
        what: keepMapping && before ? before.what : what,
        mapping:
          keepMapping && before && before.mapping.length === file.headers.length
            ? before.mapping
            : what === 'orders'
              ? file.orders.suggested
              : (remembered ?? file.suggested),
        dateOrder: file.dateOrder,
        policy: before?.policy ?? 'fill',
        matchOn: before?.matchOn ?? ['externalId', 'email', 'phone'],
      }));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  /**
   * The system's open dialog in the desktop app (main reads the file), the browser's here;
   * then the file goes to the store a part at a time, with its progress shown.
   */
  const choose = async () => {
    const controller = new AbortController();
    try {
      const opened = await host.send('host.openImportFile', {});
      if (!opened) return;
      performance.mark(IMPORT_MARKS.read);
      running.current = controller;
      setSending({ name: opened.name, sent: 0, size: opened.size });
      const fileId = await sendFile(
        opened,
        { host, core },
        {
          signal: controller.signal,
          onSent: (sent) => setSending({ name: opened.name, sent, size: opened.size }),
        },
      );
      running.current = null;
      setSending(null);
      await inspect(fileId, {}, false);
    } catch (error) {
      fail(error);
    } finally {
      if (running.current === controller) running.current = null;
      setSending(null);
    }
  };

  /** A column no field fits becomes a new text field of the file, named after its header. */
  const newField = async (column: number) => {
    if (step.kind !== 'map' || !choices) return;
    const label = (step.file.headers[column] ?? '').trim().slice(0, 60);
    const id = customFieldIdFor(
      label,
      customFields.map((f) => f.id),
    );
    if (!id) return;
    try {
      await fileSettings.getState().saveSettings({
        ...settings,
        customFields: [...customFields, { id, label, type: 'text', options: [] }],
      });
      const mapping = [...choices.mapping];
      mapping[column] = `custom:${id}`;
      setChoices({ ...choices, mapping });
    } catch (error) {
      fail(error);
    }
  };

  const check = async () => {
    if (step.kind !== 'map' || !choices) return;
    setBusy(true);
    try {
      performance.mark(IMPORT_MARKS.check);
      const preview = await core.send('import.preview', { fileId: step.file.fileId, ...choices });
      performance.mark(IMPORT_MARKS.checked);
      setStep({ ...step, kind: 'preview', preview });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (step.kind !== 'preview' || !choices) return;
    const back = step;
    const controller = new AbortController();
    running.current = controller;
    setStep({ kind: 'running', done: 0, total: step.file.rows });
    performance.mark(IMPORT_MARKS.run);
    try {
      const summary = await core.send(
        'import.run',
        { fileId: step.file.fileId, ...choices },
        {
          signal: controller.signal,
          onProgress: (value) => {
            const { done, total } = value as { done: number; total: number };
            setStep({ kind: 'running', done, total });
          },
        },
      );
      performance.mark(IMPORT_MARKS.done);
      if (back.file.kind === 'csv' && choices.what === 'customers')
        void saveMapping(back.file.headers, choices.mapping);
      setStep({ kind: 'done', summary });
    } catch (error) {
      fail(error);
      setStep({ ...back, kind: 'map' });
    } finally {
      running.current = null;
    }
  };

  const problem =
    step.kind === 'map' &&
    step.file.kind === 'csv' &&
    choices &&
    (choices.what === 'orders'
      ? ordersMappingProblem(choices.mapping)
      : mappingProblem(choices.mapping, (m) => isMultipleTarget(m as TargetId)));
  return (
    <Dialog
      title={
        choices?.what === 'orders' && step.kind !== 'choose'
          ? t('import.titleOrders')
          : t('import.title')
      }
      size="wide"
      description={step.kind === 'choose' ? t('import.body') : undefined}
      onClose={() => (running.current ? running.current.abort() : onClose())}
    >
      {step.kind === 'choose' && (
        <div className="import-choose">
          {sending && (
            <div className="demo-progress">
              <progress max={sending.size} value={sending.sent} aria-label={t('import.reading')} />
              <p>
                {t('import.sending', {
                  name: sending.name,
                  percent: sending.size ? Math.floor((100 * sending.sent) / sending.size) : 100,
                })}
              </p>
            </div>
          )}
          <div className="dialog-actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() => (sending ? running.current?.abort() : onClose())}
            >
              {sending ? t('import.cancel') : t('import.close')}
            </button>
            <button
              type="button"
              className="button-primary"
              autoFocus
              disabled={busy || sending !== null}
              onClick={() => void choose()}
            >
              {busy || sending ? t('import.reading') : t('import.chooseFile')}
            </button>
          </div>
        </div>
      )}

      {step.kind === 'map' && choices && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void check();
          }}
        >
          <p className="import-facts">
            {t(step.file.kind === 'vcard' ? 'import.vcardFacts' : 'import.fileFacts', {
              name: step.file.name,
              count: step.file.rows,
            })}
          </p>
          {remembered && <p className="import-facts">{t('import.remembered')}</p>}
          <ImportMapping
            file={step.file}
            choices={choices}
            customFields={customFields}
            onChoices={setChoices}
            onNewField={(column) => void newField(column)}
            onReread={(how) =>
              void inspect(
                step.file.fileId,
                {
                  encoding: step.file.encoding,
                  delimiter: step.file.delimiter,
                  hasHeader: step.file.hasHeader,
                  ...how,
                },
                how.hasHeader === undefined,
              )
            }
          />
          {problem && (
            <p className="form-error" role="alert">
              {problem.key === 'import.mappingTwice'
                ? t(problem.key, {
                    target: t(
                      (choices.what === 'orders'
                        ? `import.orderTarget.${problem.target}`
                        : `import.target.${problem.target}`) as 'import.target.email',
                    ),
                  })
                : t(problem.key)}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button-secondary" onClick={onClose}>
              {t('import.cancel')}
            </button>
            <button type="submit" className="button-primary" disabled={busy || !!problem}>
              {busy ? t('import.checking') : t('import.check')}
            </button>
          </div>
        </form>
      )}

      {step.kind === 'preview' && (
        <div>
          <ImportOutcome
            counts={step.preview.counts}
            rejected={step.preview.rejected}
            kind={choices?.what}
            orders={step.preview.orders}
            phonesKept={step.preview.phonesKept}
          />
          <div className="dialog-actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() => setStep({ ...step, kind: 'map' })}
            >
              {t('import.back')}
            </button>
            <button
              type="button"
              className="button-primary"
              autoFocus
              disabled={
                step.preview.orders
                  ? step.preview.orders.orders === 0
                  : step.preview.counts.reject === step.file.rows
              }
              onClick={() => void run()}
            >
              {step.preview.orders
                ? t('import.runOrders', { count: step.preview.orders.orders })
                : t('import.run', { count: step.file.rows - step.preview.counts.reject })}
            </button>
          </div>
        </div>
      )}

      {step.kind === 'running' && (
        <div className="demo-progress">
          <progress max={step.total} value={step.done} aria-label={t('import.title')} />
          <p>{t('import.running', { done: step.done, total: step.total })}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() => running.current?.abort()}
            >
              {t('import.cancel')}
            </button>
          </div>
        </div>
      )}

      {step.kind === 'done' && (
        <ImportDone summary={step.summary} onClose={onClose} onUndone={onClose} />
      )}
    </Dialog>
  );
}

function ImportDone({
  summary,
  onClose,
  onUndone,
}: {
  summary: ImportSummary;
  onClose(): void;
  onUndone(): void;
}) {
  const t = useT();
  const { core, host } = useServices();
  const showToast = useToastStore((s) => s.show);
  const undo = async () => {
    try {
      const undone = await core.send('import.undo', { importId: summary.importId });
      const kept =
        undone.keptChanged > 0 ? ` ${t('import.undoneKept', { count: undone.keptChanged })}` : '';
      const purchases =
        undone.purchases !== undefined
          ? ` ${t('import.undonePurchases', { count: undone.purchases })}`
          : '';
      showToast(
        t('import.undone', { removed: undone.removed, restored: undone.restored }) +
          purchases +
          kept,
      );
      onUndone();
    } catch (error) {
      showToast(errorText(error, t), 'error');
    }
  };
  return (
    <div>
      <p>
        <strong>{t('import.done')}</strong> {t('import.doneBody', { tag: summary.tag })}
      </p>
      <ImportOutcome
        counts={summary.counts}
        rejected={[]}
        kind={summary.orders ? 'orders' : 'customers'}
        orders={summary.orders}
        phonesKept={summary.phonesKept}
      />
      <div className="dialog-actions">
        {summary.rejectedCsv !== '' && (
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              void saveFile(host, {
                name: `${summary.name} - rejected.csv`,
                mime: 'text/csv;charset=utf-8',
                bytes: summary.rejectedCsv,
              }).catch((error: unknown) => showToast(errorText(error, t), 'error'))
            }
          >
            {t('import.downloadRejected')}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={() => void undo()}>
          {t('import.undo')}
        </button>
        <button type="button" className="button-primary" autoFocus onClick={onClose}>
          {t('import.close')}
        </button>
      </div>
    </div>
  );
}
