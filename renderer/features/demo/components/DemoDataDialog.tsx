import { useRef, useState } from 'react';
import type { DemoProgress } from '../../../../shared/contract/demo';
import { AppError } from '../../../../shared/errors';
import { Dialog } from '../../../components/Dialog';
import { useToastStore } from '../../../components/toastStore';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';

const COUNTS = [100, 1_000, 10_000, 100_000] as const;

/** Fills the file with generated customers, with progress and a cancel that keeps nothing. */
export function DemoDataDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { core } = useServices();
  const showToast = useToastStore((s) => s.show);
  const [count, setCount] = useState<number>(1_000);
  const [progress, setProgress] = useState<DemoProgress | null>(null);
  const running = useRef<AbortController | null>(null);

  const start = async () => {
    const controller = new AbortController();
    running.current = controller;
    setProgress({ done: 0, total: count });
    try {
      const { created } = await core.send(
        'demo.load',
        { count, seed: Date.now() % 1_000_000 },
        { signal: controller.signal, onProgress: (value) => setProgress(value as DemoProgress) },
      );
      showToast(t('demo.done', { count: created }));
      onClose();
    } catch (error) {
      const cancelled = error instanceof AppError && error.code === 'CANCELLED';
      showToast(
        cancelled ? t('demo.cancelled') : errorText(error, t),
        cancelled ? 'info' : 'error',
      );
      setProgress(null);
    } finally {
      running.current = null;
    }
  };

  const numbers = new Intl.NumberFormat(language);
  return (
    <Dialog
      title={t('demo.title')}
      description={t('demo.body')}
      onClose={() => (running.current ? running.current.abort() : onClose())}
    >
      {progress ? (
        <div className="demo-progress">
          <progress max={progress.total} value={progress.done} aria-label={t('demo.title')} />
          <p>{t('demo.progress', { done: progress.done, total: progress.total })}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button-secondary"
              onClick={() => running.current?.abort()}
            >
              {t('demo.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <fieldset className="choice-group">
            <legend>{t('demo.count')}</legend>
            {COUNTS.map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name="demo-count"
                  value={value}
                  checked={count === value}
                  onChange={() => setCount(value)}
                />
                {numbers.format(value)}
              </label>
            ))}
          </fieldset>
          <div className="dialog-actions">
            <button type="button" className="button-secondary" onClick={onClose}>
              {t('demo.close')}
            </button>
            <button type="submit" className="button-primary" autoFocus>
              {t('demo.start')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
