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
import { unlockWithPassphrase } from './vaultKeys';
import type { VaultService } from './vaultService';

export type { BackupMade, BackupPreview } from '../contract/vaultTypes';

/** The store's sealed pages, read and replaced as they are (never decrypted here). */
export interface SealedPages {
  read(): Promise<StoredPage[]>;
  /** Every page replaced at once: all or nothing. The store must be locked. */
  replace(pages: StoredPage[]): Promise<void>;
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
   * Replaces this device's customer file with the backup's, then opens it. Should the new vault
   * fail to be written, the pages that were here are put back: the file is either the old one
   * or the backup's, never a mix.
   */
  async restore(bytes: Uint8Array, passphrase: string): Promise<UnlockReport> {
    const backup = decodeBackup(bytes);
    const dataKey = await unlockWithPassphrase(backup.vault, passphrase, this.argon2);
    let before: StoredPage[];
    try {
      await this.vault.lock();
      before = await this.pages.read();
      await this.pages.replace(backup.pages);
    } catch (error) {
      wipe(dataKey);
      throw error;
    }
    try {
      return await this.vault.adopt(portableVault(backup.vault), dataKey);
    } catch (error) {
      // Only when the backup's vault was not written: with it written, its pages belong here.
      const now = await this.vault.vaultFile();
      if (now?.passphraseWrap.ciphertext !== backup.vault.passphraseWrap.ciphertext) {
        await this.pages.replace(before);
      }
      throw error;
    }
  }

  private get argon2(): Argon2 {
    return this.options.argon2 ?? argon2Here;
  }
}
