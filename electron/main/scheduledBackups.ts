import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import {
  BACKUPS_KEPT_MAX,
  type BackupSchedule,
  type BackupScheduleStatus,
} from '../../shared/contract/backups';
import { AppError } from '../../shared/errors';
import { writePrivately } from './privateFile';
import type { BackupMade } from '../../shared/vault/backupService';

/** The names backups are written under (see backupFileName): only these are ever rotated out. */
const BACKUP_NAME = /^comptoir-\d{4}-\d\d-\d\d-\d{4}\.comptoir-backup$/;
const HOUR = 3_600_000;
/** How often main looks whether a backup is due: a laptop asleep at the hour catches up. */
export const CHECK_EVERY_MS = 10 * 60_000;

const savedSchema = z.object({
  folder: z.string().nullable().default(null),
  everyHours: z.union([z.literal(0), z.literal(24), z.literal(168)]).default(0),
  keep: z.int().min(1).max(BACKUPS_KEPT_MAX).default(10),
  lastAt: z.int().nullable().default(null),
  lastFile: z.string().nullable().default(null),
  lastError: z.string().nullable().default(null),
});

export interface ScheduledBackupsDeps {
  /** JSON file the schedule and the last outcome are kept in (in userData). */
  configPath: string;
  /** The whole customer file as one backup (sealed); throws NOT_FOUND before a file exists. */
  make: () => Promise<BackupMade>;
  now?: () => number;
}

/**
 * Electron main's automatic backups: on a schedule, the customer file (still encrypted) is
 * written into the chosen folder, beside its final name first, then renamed, and only the
 * newest `keep` backups stay. Runs whether the file is locked or not: nothing is decrypted.
 */
export class ScheduledBackups {
  private state: BackupScheduleStatus = savedSchema.parse({});
  private running: Promise<BackupScheduleStatus> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: ScheduledBackupsDeps) {
    this.now = deps.now ?? Date.now;
  }

  async load(): Promise<BackupScheduleStatus> {
    try {
      const parsed = savedSchema.safeParse(
        JSON.parse(await readFile(this.deps.configPath, 'utf8')),
      );
      if (parsed.success) this.state = parsed.data;
    } catch {
      // No schedule yet (or an unreadable one): off until the user sets one.
    }
    return this.status();
  }

  status(): BackupScheduleStatus {
    return { ...this.state };
  }

  async setSchedule(schedule: Partial<BackupSchedule>): Promise<BackupScheduleStatus> {
    this.state = { ...this.state, ...schedule };
    await this.save();
    return this.status();
  }

  /** A backup if one is due: a folder chosen, a schedule on, the last one old enough. */
  async runIfDue(): Promise<BackupScheduleStatus | null> {
    const { folder, everyHours, lastAt } = this.state;
    if (!folder || everyHours === 0) return null;
    if (lastAt !== null && this.now() - lastAt < everyHours * HOUR) return null;
    return this.runNow();
  }

  /** One backup now, into the folder, then the rotation. Two at once share the first. */
  runNow(): Promise<BackupScheduleStatus> {
    this.running ??= this.write().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async write(): Promise<BackupScheduleStatus> {
    const folder = this.state.folder;
    if (!folder) {
      throw new AppError('VALIDATION', 'Choose a folder for automatic backups first', [
        { path: ['folder'], rule: 'required' },
      ]);
    }
    try {
      const made = await this.deps.make();
      const path = join(folder, made.name);
      await writePrivately(path, made.bytes);
      await this.rotate(folder);
      this.state = { ...this.state, lastAt: this.now(), lastFile: made.name, lastError: null };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.state = { ...this.state, lastError: reason };
      await this.save();
      throw error instanceof AppError
        ? error
        : new AppError('BAD_FILE', `Could not write the backup into ${folder}: ${reason}`, {
            folder,
          });
    }
    await this.save();
    return this.status();
  }

  /** Deletes the oldest backups past `keep`; other files in the folder are never touched. */
  private async rotate(folder: string): Promise<void> {
    const names = (await readdir(folder)).filter((name) => BACKUP_NAME.test(name)).sort();
    for (const name of names.slice(0, Math.max(0, names.length - this.state.keep))) {
      await rm(join(folder, name), { force: true });
    }
  }

  private async save(): Promise<void> {
    await mkdir(dirname(this.deps.configPath), { recursive: true });
    await writePrivately(this.deps.configPath, JSON.stringify(this.state));
  }
}
