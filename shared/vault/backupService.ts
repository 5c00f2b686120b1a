import type { UnlockReport } from '../contract/storeControl';
import type { BackupMade, BackupPreview } from '../contract/vaultTypes';
import { argon2Here, type Argon2 } from './argon2';
import {
  backupFileName,
  decodeBackup,
  encodeBackup,
  portableVault,
  recordsPerTable,
  type StoredPage,
} from './backupFile';
import { wipe } from './bytes';
import { AppError } from '../errors';
import { restoreKeyCheck } from './restoreKeyCheck';
import { unlockWithPassphrase } from './vaultKeys';
import type { VaultService } from './vaultService';

export type { BackupMade, BackupPreview } from '../contract/vaultTypes';

/** The store's sealed pages, read and replaced as they are (never decrypted here). */
export interface SealedPages {
  read(): Promise<StoredPage[]>;
  /** Every page replaced at once: all or nothing. The store must be locked. */
  replace(pages: StoredPage[]): Promise<void>;
  /**
   * A restore's pages set beside the file's, for the key whose fingerprint is `keyCheck`: they
   * become the file's at the next unlock with that key, and are dropped by one with another.
   */
  stage(pages: StoredPage[], keyCheck: string): Promise<void>;
}

/**
 * Backups of the whole customer file and their restore, on this device or another. A backup is
 * the stored file (see backupFile): the passphrase the file had when it was made opens it.
 */
export class BackupService {
  constructor(
    private readonly vault: VaultService,
    private readonly pages: SealedPages,
    private readonly options: { appVersion: string; now?: () => number; argon2?: Argon2 },
  ) {}

  async make(): Promise<BackupMade> {
    const vault = await this.vault.vaultFile();
    if (!vault) throw new AppError('NOT_FOUND', 'There is no customer file to back up yet');
    const pages = await this.pages.read();
    const createdAt = (this.options.now ?? Date.now)();
    return {
      name: backupFileName(createdAt),
      bytes: encodeBackup({
        createdAt,
        appVersion: this.options.appVersion,
        vault: portableVault(vault),
        pages,
      }),
      records: recordsPerTable(pages),
    };
  }

  /** Reads the backup and checks the passphrase opens it; nothing is changed. */
  async preview(bytes: Uint8Array, passphrase: string): Promise<BackupPreview> {
    const backup = decodeBackup(bytes);
    wipe(await unlockWithPassphrase(backup.vault, passphrase, this.argon2));
    const current = await this.vault.vaultFile();
    return {
      createdAt: backup.createdAt,
      appVersion: backup.appVersion,
      records: recordsPerTable(backup.pages),
      replacesFile: current !== null,
      sameFile: current !== null && current.createdAt === backup.vault.createdAt,
    };
  }

  /**
   * Replaces this device's customer file with the backup's, then opens it. The pages are
   * staged first, then the backup's key is written: that write is the switch. Cut off before
   * it, the next unlock (old key) drops the staged pages; after it, the next unlock (the
   * backup's key) makes them the file's. Never the backup's pages under the old key.
   * `beforeReplace` runs once the backup is known to open, before anything changes (the file
   * replaced is backed up there); if it fails, nothing is replaced.
   */
  async restore(
    bytes: Uint8Array,
    passphrase: string,
    beforeReplace: () => Promise<void> = async () => undefined,
  ): Promise<UnlockReport> {
    const backup = decodeBackup(bytes);
    const dataKey = await unlockWithPassphrase(backup.vault, passphrase, this.argon2);
    try {
      await beforeReplace();
      await this.vault.lock();
      await this.pages.stage(backup.pages, await restoreKeyCheck(dataKey));
    } catch (error) {
      wipe(dataKey);
      throw error;
    }
    return this.vault.adopt(portableVault(backup.vault), dataKey);
  }

  private get argon2(): Argon2 {
    return this.options.argon2 ?? argon2Here;
  }
}
