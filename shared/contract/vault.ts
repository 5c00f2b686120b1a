import { z } from 'zod';
import type { PassphraseVerdict } from '../vault/passphrasePolicy';
import type { Bytes } from '../vault/bytes';
import { method } from './define';
import type { UnlockReport } from './storeControl';
import type {
  BackupMade,
  BackupPreview,
  KeptBackup,
  RestoreReport,
  VaultStatus,
} from './vaultTypes';

export type {
  KeptBackup,
  KeychainStatus,
  RestoreReport,
  VaultState,
  VaultStatus,
} from './vaultTypes';

const passphrase = z.string().min(1).max(1024);
/** A backup read or written whole: a file of 100k customers is about 40 MB. */
export const BACKUP_BYTES_MAX = 512 * 1024 * 1024;
const backupBytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength <= BACKUP_BYTES_MAX, { error: 'tooLong' });
/** A kept backup's name, as `keptBackupName` makes it: no folder, no other file. */
const keptName = z
  .string()
  .regex(/^comptoir-before-restore-\d{4}-\d{2}-\d{2}-\d{6}(-\d{1,3})?\.comptoir-backup$/);
export const AUTO_LOCK_CHOICES = [0, 1, 5, 15, 30, 60] as const;

/** The vault part of HostApi: the data key never crosses it, only passphrases and states. */
export const vaultContract = {
  'vault.status': method<VaultStatus>()(z.strictObject({})),
  'vault.judge': method<PassphraseVerdict>()(z.strictObject({ passphrase: z.string().max(1024) })),
  'vault.create': method<{ recoveryKey: string; report: UnlockReport }>()(
    z.strictObject({ passphrase }),
  ),
  'vault.unlock': method<UnlockReport>()(
    z.strictObject({ passphrase, remember: z.boolean().default(false) }),
  ),
  'vault.unlockRemembered': method<UnlockReport>()(z.strictObject({})),
  'vault.recover': method<UnlockReport>()(
    z.strictObject({ recoveryKey: z.string().min(1).max(200), newPassphrase: passphrase }),
  ),
  'vault.changePassphrase': method<{ changed: true }>()(
    z.strictObject({ current: passphrase, next: passphrase }),
  ),
  'vault.newRecoveryKey': method<{ recoveryKey: string }>()(z.strictObject({ passphrase })),
  'vault.recoveryKeySaved': method<{ saved: true }>()(z.strictObject({})),
  'vault.forgetDevice': method<{ remembered: false }>()(z.strictObject({})),
  'vault.setAutoLock': method<{ autoLockMinutes: number }>()(
    z.strictObject({
      minutes: z.union(AUTO_LOCK_CHOICES.map((m) => z.literal(m)) as unknown as [z.ZodLiteral<0>]),
    }),
  ),
  'vault.lock': method<{ locked: true }>()(z.strictObject({})),
  /** The whole customer file, still encrypted, as one portable file. */
  'vault.backup': method<BackupMade>()(z.strictObject({})),
  /** What a backup holds, once its passphrase is checked; nothing changes. */
  'vault.previewBackup': method<BackupPreview>()(
    z.strictObject({ bytes: backupBytes, passphrase }),
  ),
  /**
   * Replaces this device's customer file with the backup's, and opens it. Over an existing file
   * only while it is open, with its own passphrase typed again (`currentPassphrase`); a backup
   * of the file replaced is kept on this device first (see `vault.keptBackups`).
   */
  'vault.restoreBackup': method<RestoreReport>()(
    z.strictObject({ bytes: backupBytes, passphrase, currentPassphrase: passphrase.optional() }),
  ),
  /** The backups kept before a restore replaced the file, newest first. */
  'vault.keptBackups': method<{ kept: KeptBackup[] }>()(z.strictObject({})),
  /** One of them, to save it as a file. */
  'vault.keptBackup': method<{ name: string; bytes: Bytes }>()(z.strictObject({ name: keptName })),
};
export type VaultContract = typeof vaultContract;
