import { useEffect, useId, useState } from 'react';
import {
  BACKUP_INTERVALS,
  BACKUPS_KEPT_MAX,
  type BackupInterval,
  type BackupScheduleStatus,
} from '../../../../shared/contract/backups';
import type { PickedFile } from '../../../../shared/contract/host';
import { Dialog } from '../../../components/Dialog';
import { useToastStore } from '../../../components/toastStore';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { formatDateTime } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';
import { KeptBeforeRestore } from './KeptBeforeRestore';
import { RestoreBackupDialog, usePickBackup } from './RestoreBackupDialog';

/** Back up now, automatic backups into a folder (desktop app), restore from a backup file. */
export function BackupsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const { host } = useServices();
  const showToast = useToastStore((s) => s.show);
  const [saving, setSaving] = useState(false);
  const [restoring, setRestoring] = useState<PickedFile | null>(null);
  const pick = usePickBackup(setRestoring);

  const saveNow = async () => {
    setSaving(true);
    try {
      const made = await host.send('vault.backup', {});
      const { saved } = await host.send('host.saveFile', {
        name: made.name,
        mime: 'application/octet-stream',
        bytes: made.bytes,
      });
      if (saved) showToast(t('backup.now.saved', { count: made.records.customers ?? 0 }));
    } catch (e) {
      showToast(errorText(e, t), 'error');
    } finally {
      setSaving(false);
    }
  };

  if (restoring) return <RestoreBackupDialog file={restoring} onClose={onClose} />;
  return (
    <Dialog title={t('backup.title')} description={t('backup.body')} onClose={onClose}>
      <section className="security-section">
        <h3>{t('backup.now.title')}</h3>
        <div className="section-actions">
          <button
            type="button"
            className="button-primary"
            disabled={saving}
            onClick={() => void saveNow()}
          >
            {saving ? t('backup.now.saving') : t('backup.now.save')}
          </button>
        </div>
      </section>
      <AutomaticBackups />
      <section className="security-section">
        <h3>{t('backup.restore.title')}</h3>
        <p className="field-hint">{t('backup.restore.body')}</p>
        <div className="section-actions">
          <button type="button" className="button-secondary" onClick={() => void pick()}>
            {t('backup.restore.open')}
          </button>
        </div>
      </section>
      <KeptBeforeRestore />
      <div className="dialog-actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('backup.close')}
        </button>
      </div>
    </Dialog>
  );
}

/** The desktop app's schedule; browser mode says it cannot write into a folder. */
function AutomaticBackups() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { host } = useServices();
  const showToast = useToastStore((s) => s.show);
  const [schedule, setSchedule] = useState<BackupScheduleStatus | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const everyId = useId();
  const keepId = useId();
  const keepHintId = useId();

  useEffect(() => {
    host.send('backups.schedule', {}).then(setSchedule, () => setSchedule(null));
  }, [host]);

  const act = async (call: () => Promise<BackupScheduleStatus | null>, done?: string) => {
    setBusy(true);
    try {
      const next = await call();
      if (next) setSchedule(next);
      if (next && done) showToast(done);
    } catch (e) {
      showToast(errorText(e, t), 'error');
      setSchedule(await host.send('backups.schedule', {}).catch(() => schedule));
    } finally {
      setBusy(false);
    }
  };
  const change = (everyHours: BackupInterval, keep: number) =>
    act(() => host.send('backups.setSchedule', { everyHours, keep }));

  if (schedule === undefined) return null;
  return (
    <section className="security-section">
      <h3>{t('backup.auto.title')}</h3>
      {schedule === null ? (
        <p className="field-hint">{t('backup.auto.webOnly')}</p>
      ) : (
        <>
          <div className="field">
            <span className="field-label">{t('backup.auto.folder')}</span>
            <div className="backup-folder">
              <code>{schedule.folder ?? t('backup.auto.noFolder')}</code>
              <button
                type="button"
                className="button-secondary"
                disabled={busy}
                onClick={() => void act(() => host.send('backups.chooseFolder', {}))}
              >
                {t('backup.auto.chooseFolder')}
              </button>
            </div>
          </div>
          <div className="backup-schedule">
            <div className="field">
              <label htmlFor={everyId}>{t('backup.auto.every')}</label>
              <select
                id={everyId}
                value={schedule.everyHours}
                disabled={busy}
                onChange={(e) =>
                  void change(Number(e.target.value) as BackupInterval, schedule.keep)
                }
              >
                {BACKUP_INTERVALS.map((hours) => (
                  <option key={hours} value={hours}>
                    {t(`backup.auto.every.${hours}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={keepId}>{t('backup.auto.keep')}</label>
              <input
                id={keepId}
                type="number"
                min={1}
                max={BACKUPS_KEPT_MAX}
                value={schedule.keep}
                disabled={busy}
                aria-describedby={keepHintId}
                onChange={(e) => {
                  const keep = Math.round(Number(e.target.value));
                  if (keep >= 1 && keep <= BACKUPS_KEPT_MAX) void change(schedule.everyHours, keep);
                }}
              />
            </div>
          </div>
          <p className="field-hint" id={keepHintId}>
            {t('backup.auto.keepHint')}
          </p>
          <p className="field-hint" role="status">
            {schedule.lastError
              ? t('backup.auto.failed', { reason: schedule.lastError })
              : schedule.lastAt !== null && schedule.lastFile
                ? t('backup.auto.last', {
                    date: formatDateTime(language, schedule.lastAt),
                    file: schedule.lastFile,
                  })
                : t('backup.auto.never')}
          </p>
          <div className="section-actions">
            <button
              type="button"
              className="button-secondary"
              disabled={busy || !schedule.folder}
              onClick={() => void act(() => host.send('backups.runNow', {}), t('backup.auto.done'))}
            >
              {t('backup.auto.runNow')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
