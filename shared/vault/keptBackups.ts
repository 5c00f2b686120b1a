import type { BackupMade, KeptBackup } from '../contract/vaultTypes';
import { BACKUP_EXTENSION } from './backupFile';
import type { Bytes } from './bytes';

/**
 * Before a restore replaces a customer file, a backup of it is kept on the device: a restore
 * picked by mistake (the wrong file, an old one) can be undone by restoring that backup. The
 * newest few are kept; the oldest go. The desktop app keeps them as files in its own data
 * folder, browser mode in an IndexedDB database of its own (it has no folder): the same list
 * and "Save a copy" in the Backups dialog either way.
 */
export interface KeptBackups {
  /** Keeps the backup, drops the oldest beyond KEPT_BEFORE_RESTORE_MAX; its name. */
  keep(made: BackupMade, at: number): Promise<string>;
  list(): Promise<KeptBackup[]>;
  /** NOT_FOUND if no kept backup has that name. */
  read(name: string): Promise<Bytes>;
}

/** Each is the whole file (about 40 MB for 100,000 customers): a few are enough to undo. */
export const KEPT_BEFORE_RESTORE_MAX = 3;

/** "comptoir-before-restore-2026-12-07-162530.comptoir-backup", "…-162530-2…" if taken. */
export function keptBackupName(at: number, taken: ReadonlySet<string>): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
  const named = (suffix: string) => `comptoir-before-restore-${stamp}${suffix}.${BACKUP_EXTENSION}`;
  let name = named('');
  for (let n = 2; taken.has(name); n++) name = named(`-${n}`);
  return name;
}

/** Newest first; what goes beyond the maximum. */
export function keptInOrder(kept: readonly KeptBackup[]): {
  kept: KeptBackup[];
  dropped: KeptBackup[];
} {
  const sorted = [...kept].sort((a, b) => b.keptAt - a.keptAt || b.name.localeCompare(a.name));
  return {
    kept: sorted.slice(0, KEPT_BEFORE_RESTORE_MAX),
    dropped: sorted.slice(KEPT_BEFORE_RESTORE_MAX),
  };
}
