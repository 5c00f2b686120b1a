import type { HandlersOf } from '../contract/define';
import { AppError } from '../errors';
import type { VaultContract } from '../contract/vault';
import type { BackupService } from './backupService';
import type { KeptBackups } from './keptBackups';
import { judgePassphrase } from './passphrasePolicy';
import type { VaultService } from './vaultService';

/** VaultApi served by a VaultService (the same handlers in main and in browser mode's worker). */
export function createVaultHandlers(
  vault: VaultService,
  backups: BackupService,
  kept: KeptBackups,
  now: () => number = Date.now,
): HandlersOf<VaultContract> {
  return {
    'vault.status': () => vault.status(),
    'vault.judge': ({ passphrase }) => judgePassphrase(passphrase),
    'vault.create': ({ passphrase }) => vault.create(passphrase),
    'vault.unlock': ({ passphrase, remember }) => vault.unlock(passphrase, remember),
    'vault.unlockRemembered': () => vault.unlockRemembered(),
    'vault.recover': ({ recoveryKey, newPassphrase }) => vault.recover(recoveryKey, newPassphrase),
    'vault.changePassphrase': async ({ current, next }) => {
      await vault.changePassphrase(current, next);
      return { changed: true };
    },
    'vault.newRecoveryKey': ({ passphrase }) => vault.newRecoveryKey(passphrase),
    'vault.recoveryKeySaved': async () => {
      await vault.recoveryKeySaved();
      return { saved: true };
    },
    'vault.forgetDevice': async () => {
      await vault.forgetDevice();
      return { remembered: false };
    },
    'vault.setAutoLock': async ({ minutes }) => {
      await vault.setAutoLock(minutes);
      return { autoLockMinutes: minutes };
    },
    'vault.lock': async () => {
      await vault.lock();
      return { locked: true };
    },
    // Scheduled backups call backups.make() directly: those run whether locked or not.
    'vault.backup': async () => {
      await vault.requireUnlocked();
      return backups.make();
    },
    // The backup's passphrase is a secret check like any other: one at a time, counted.
    'vault.previewBackup': ({ bytes, passphrase }) =>
      vault.checked(() => backups.preview(bytes, passphrase)),
    'vault.restoreBackup': async ({ bytes, passphrase, currentPassphrase }) => {
      const { state } = await vault.status();
      if (state === 'locked') {
        throw new AppError('LOCKED', 'Open the customer file before replacing it with a backup');
      }
      if (state === 'unlocked' && currentPassphrase === undefined) {
        throw new AppError(
          'VALIDATION',
          'Type the passphrase of the customer file open now to replace it with a backup',
          [{ path: ['currentPassphrase'], rule: 'required' }],
        );
      }
      return vault.checked(async () => {
        let keptReplaced: string | null = null;
        if (state === 'unlocked') await vault.confirmPassphrase(currentPassphrase ?? '');
        const report = await backups.restore(bytes, passphrase, async () => {
          // Only a file that exists is kept; a new device has nothing to lose.
          if (state === 'unlocked') keptReplaced = await kept.keep(await backups.make(), now());
        });
        return { ...report, keptReplaced };
      });
    },
    'vault.keptBackups': async () => {
      await vault.requireUnlocked();
      return { kept: await kept.list() };
    },
    'vault.keptBackup': async ({ name }) => {
      await vault.requireUnlocked();
      return { name, bytes: await kept.read(name) };
    },
  };
}
