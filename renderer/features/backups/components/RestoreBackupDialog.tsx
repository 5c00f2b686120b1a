import { useState, type FormEvent } from 'react';
import type { PickedFile } from '../../../../shared/contract/host';
import { AppError } from '../../../../shared/errors';
import type { BackupPreview } from '../../../../shared/vault/backupService';
import { Dialog } from '../../../components/Dialog';
import { useToastStore } from '../../../components/toastStore';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';
import { PassphraseInput } from '../../vault/components/PassphraseInput';

const SHOWN_TABLES = [
  ['customers', 'backup.restore.customers'],
  ['purchases', 'backup.restore.purchases'],
  ['interactions', 'backup.restore.interactions'],
  ['products', 'backup.restore.products'],
] as const;

/**
 * A backup file the user picked: its passphrase, then what it holds (and what it replaces),
 * then the restore. Nothing changes before the last step.
 */
export function RestoreBackupDialog({ file, onClose }: { file: PickedFile; onClose(): void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { host, vault } = useServices();
  const showToast = useToastStore((s) => s.show);
  const [passphrase, setPassphrase] = useState('');
  // The open file's own passphrase, typed again to replace it (see vault.restoreBackup).
  const [current, setCurrent] = useState('');
  const [currentError, setCurrentError] = useState<string | null>(null);
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Read from a file (never shared memory): the contract's plain ArrayBuffer view.
  const bytes = file.bytes as Uint8Array<ArrayBuffer>;

  const fail = (e: unknown) => {
    if (isAboutCurrent(e)) {
      setCurrentError(
        e.code === 'WRONG_SECRET' ? t('backup.restore.wrongCurrent') : errorText(e, t),
      );
      setBusy(false);
      return;
    }
    setError(
      e instanceof AppError && e.code === 'WRONG_SECRET'
        ? t('backup.restore.wrongPassphrase')
        : errorText(e, t),
    );
    setBusy(false);
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await host.send('vault.previewBackup', { bytes, passphrase }));
      setBusy(false);
    } catch (e) {
      fail(e);
    }
  };

  const restore = async (event: FormEvent) => {
    event.preventDefault();
    if (preview?.replacesFile && !current) return;
    setBusy(true);
    setError(null);
    setCurrentError(null);
    try {
      const report = await host.send('vault.restoreBackup', {
        bytes,
        passphrase,
        ...(preview?.replacesFile ? { currentPassphrase: current } : {}),
      });
      vault.getState().opened(report);
      const done = t('backup.restore.done', { count: report.customers });
      showToast(
        report.keptReplaced
          ? `${done}. ${t('backup.restore.keptReplaced', { name: report.keptReplaced })}`
          : done,
      );
      onClose();
    } catch (e) {
      fail(e);
    }
  };

  if (!preview) {
    return (
      <Dialog
        title={t('backup.restore.passphraseTitle')}
        description={t('backup.restore.passphraseBody', { name: file.name })}
        onClose={onClose}
      >
        <form onSubmit={check} noValidate>
          <PassphraseInput
            label={t('vault.passphrase')}
            value={passphrase}
            error={error ?? undefined}
            autoFocus
            onChange={(e) => setPassphrase(e.target.value)}
          />
          <div className="dialog-actions">
            <button type="button" className="button-secondary" onClick={onClose}>
              {t('backup.restore.cancel')}
            </button>
            <button type="submit" className="button-primary" disabled={busy || !passphrase}>
              {busy ? t('backup.restore.checking') : t('backup.restore.check')}
            </button>
          </div>
        </form>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('backup.restore.previewTitle')}
      description={file.name}
      role="alertdialog"
      onClose={onClose}
    >
      <dl className="backup-preview">
        <div>
          <dt>{t('backup.restore.madeAt')}</dt>
          <dd>{formatDateTime(language, preview.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('backup.restore.version')}</dt>
          <dd>{preview.appVersion}</dd>
        </div>
        {SHOWN_TABLES.map(([table, label]) => (
          <div key={table}>
            <dt>{t(label)}</dt>
            <dd>{formatNumber(language, preview.records[table] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      {preview.replacesFile && (
        <p className="backup-warning" role="note">
          {t('backup.restore.replaces')}{' '}
          {preview.sameFile ? t('backup.restore.sameFile') : t('backup.restore.otherFile')}
        </p>
      )}
      {preview.damaged.length > 0 && (
        <p className="backup-warning" role="alert">
          {t('backup.restore.damaged', {
            count: preview.damaged.length,
            records: preview.damaged.reduce((sum, page) => sum + page.count, 0),
          })}
        </p>
      )}
      {!preview.verified && <p className="field-hint">{t('backup.restore.unverified')}</p>}
      <form onSubmit={restore} noValidate>
        {preview.replacesFile && (
          <PassphraseInput
            label={t('backup.restore.currentPassphrase')}
            hint={t('backup.restore.currentHint')}
            value={current}
            error={currentError ?? undefined}
            autoFocus
            onChange={(e) => {
              setCurrent(e.target.value);
              setCurrentError(null);
            }}
          />
        )}
        <p className="field-hint">{t('backup.restore.afterwards')}</p>
        {error && (
          <p className="form-summary" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={() => setPreview(null)}>
            {t('backup.restore.back')}
          </button>
          <button
            type="submit"
            className={preview.replacesFile ? 'button-danger' : 'button-primary'}
            disabled={busy || (preview.replacesFile && !current)}
          >
            {busy ? t('backup.restore.restoring') : t('backup.restore.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** An error about the open file's passphrase (wrong, or missing), not the backup's. */
function isAboutCurrent(e: unknown): e is AppError {
  if (!(e instanceof AppError)) return false;
  const details = e.details as { path?: unknown[] } | { path?: unknown[] }[] | undefined;
  const paths = Array.isArray(details) ? details.map((d) => d.path) : [details?.path];
  return paths.some((path) => Array.isArray(path) && path[0] === 'currentPassphrase');
}

/** Opens the system's file dialog for a backup (from a click, so the browser allows it). */
export function usePickBackup(onPicked: (file: PickedFile) => void) {
  const t = useT();
  const { host } = useServices();
  const showToast = useToastStore((s) => s.show);
  return async () => {
    try {
      const file = await host.send('host.openFile', { purpose: 'backup' });
      if (file) onPicked(file);
    } catch (e) {
      showToast(errorText(e, t));
    }
  };
}
