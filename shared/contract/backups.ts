import { z } from 'zod';
import { method } from './define';

/** How often automatic backups are written: never, daily, weekly (hours between two). */
export const BACKUP_INTERVALS = [0, 24, 168] as const;
export type BackupInterval = (typeof BACKUP_INTERVALS)[number];
export const BACKUPS_KEPT_MAX = 100;

export interface BackupSchedule {
  /** The folder automatic backups go to; none chosen yet: null. */
  folder: string | null;
  everyHours: BackupInterval;
  /** How many of the newest backups stay in the folder; older ones are deleted. */
  keep: number;
}

export interface BackupScheduleStatus extends BackupSchedule {
  lastAt: number | null;
  lastFile: string | null;
  /** Why the last try failed (a folder gone, a full disk); null after a success. */
  lastError: string | null;
}

/**
 * Automatic backups, written by Electron's main process to a folder on a schedule, with
 * rotation. Browser mode cannot write to a folder: `backups.schedule` answers null there.
 */
export const backupsContract = {
  'backups.schedule': method<BackupScheduleStatus | null>()(z.strictObject({})),
  'backups.setSchedule': method<BackupScheduleStatus>()(
    z.strictObject({
      everyHours: z.union([z.literal(0), z.literal(24), z.literal(168)]),
      keep: z.int().min(1).max(BACKUPS_KEPT_MAX),
    }),
  ),
  /** The system's folder dialog; null when the user cancels. */
  'backups.chooseFolder': method<BackupScheduleStatus | null>()(z.strictObject({})),
  /** One backup into the folder now (and the rotation). */
  'backups.runNow': method<BackupScheduleStatus>()(z.strictObject({})),
};
export type BackupsContract = typeof backupsContract;
