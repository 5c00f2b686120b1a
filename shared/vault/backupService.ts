import type { DamagedPage, SealedFile, UnlockReport } from '../contract/storeControl';
import type { BackupMade, BackupPreview } from '../contract/vaultTypes';
import { argon2Here, type Argon2 } from './argon2';
import {
  backupFileName,
  decodeBackup,
  encodeBackup,
  portableVault,
  recordsPerTable,
  type BackupContents,
} from './backupFile';
import { wipe, type Bytes } from './bytes';
import { checkPages, manifestKey, openManifest, recordsInManifest } from './pageManifest';
import { AppError } from '../errors';
import { restoreKeyCheck } from './restoreKeyCheck';
import { unlockWithPassphrase } from './vaultKeys';
import type { VaultService } from './vaultService';

export type { BackupMade, BackupPreview } from '../contract/vaultTypes';

export type { SealedFile } from '../contract/storeControl';

/** The store's sealed pages and their manifest, read and staged as they are (never decrypted). */
export interface SealedPages {
  read(): Promise<SealedFile>;
  /**
   * A restore's pages and manifest set beside the file's, for the key whose fingerprint is
   * `keyCheck`: they become the file's at the next unlock with that key, and are dropped by one
   * with another. The store must be locked.
   */
  stage(file: SealedFile, keyCheck: string): Promise<void>;
}

/** What a backup holds, as its sealed manifest says with the backup's key. */
interface CheckedBackup {
  records: Record<string, number>;
  /** False: a backup without a manifest (made before them); counts from the pages' clear rows. */
  verified: boolean;
  /** Pages older than listed, altered, missing or not listed; or the manifest, if it is damaged. */
  damaged: DamagedPage[];
}

/**
 * Checks the backup's pages against its manifest, opened with the backup's data key. A page
 * that does not match is reported like a damaged one (the restore still restores the rest, and
 * the store sets the page aside at its unlock); a manifest that does not open is one too.
 */
export async function checkBackup(backup: BackupContents, dataKey: Bytes): Promise<CheckedBackup> {
  const unverified = { records: recordsPerTable(backup.pages), verified: false };
  if (!backup.manifest) return { ...unverified, damaged: [] };
  let manifest;
  try {
    manifest = await openManifest(await manifestKey(dataKey), backup.manifest);
  } catch {
    return { ...unverified, damaged: [{ pageId: 'manifest', count: 0, reason: 'manifest' }] };
  }
  return {
    records: recordsInManifest(manifest),
    verified: true,
    damaged: checkPages(manifest, backup.pages),
  };
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
    const { pages, manifest } = await this.pages.read();
    const createdAt = (this.options.now ?? Date.now)();
    return {
      name: backupFileName(createdAt),
      bytes: encodeBackup({
        createdAt,
        appVersion: this.options.appVersion,
        vault: portableVault(vault),
        pages,
        manifest: manifest ?? null,
      }),
      records: recordsPerTable(pages),
    };
  }

  /**
   * Reads the backup, checks the passphrase opens it and its pages against its manifest; the
   * counts are the manifest's. Nothing is changed.
   */
  async preview(bytes: Uint8Array, passphrase: string): Promise<BackupPreview> {
    const backup = decodeBackup(bytes);
    const dataKey = await unlockWithPassphrase(backup.vault, passphrase, this.argon2);
    let checked: CheckedBackup;
    try {
      checked = await checkBackup(backup, dataKey);
    } finally {
      wipe(dataKey);
    }
    const current = await this.vault.vaultFile();
    return {
      createdAt: backup.createdAt,
      appVersion: backup.appVersion,
      ...checked,
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
   * The pages are checked against the backup's manifest (with its key) before anything
   * changes; the manifest is staged with them, so the store's unlock checks them again and
   * sets aside any that do not match; both findings are in the report.
   */
  async restore(
    bytes: Uint8Array,
    passphrase: string,
    beforeReplace: () => Promise<void> = async () => undefined,
  ): Promise<UnlockReport> {
    const backup = decodeBackup(bytes);
    const dataKey = await unlockWithPassphrase(backup.vault, passphrase, this.argon2);
    let checked: CheckedBackup;
    try {
      checked = await checkBackup(backup, dataKey);
      await beforeReplace();
      await this.vault.lock();
      await this.pages.stage(
        { pages: backup.pages, manifest: backup.manifest ?? null },
        await restoreKeyCheck(dataKey),
      );
    } catch (error) {
      wipe(dataKey);
      throw error;
    }
    const report = await this.vault.adopt(portableVault(backup.vault), dataKey);
    const reported = new Set(report.damaged.map((page) => page.pageId));
    const unseen = checked.damaged.filter((page) => !reported.has(page.pageId));
    return unseen.length > 0 ? { ...report, damaged: [...report.damaged, ...unseen] } : report;
  }

  private get argon2(): Argon2 {
    return this.options.argon2 ?? argon2Here;
  }
}
