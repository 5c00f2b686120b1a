import { describe, expect, it } from 'vitest';
import { BackupService, type SealedPages } from './backupService';
import { TEST_KDF } from './testKdf';
import type { VaultFile } from './vaultFile';
import { createVaultHandlers } from './vaultHandlers';
import { VaultService } from './vaultService';

const PASS = 'Vélo rouge, quai Saint-Antoine 1987!';
const ctx = { signal: new AbortController().signal, progress: () => undefined };

function device() {
  let saved: unknown = null;
  const vault = new VaultService({
    storage: { read: async () => saved, write: async (v: VaultFile) => void (saved = v) },
    store: { unlock: async () => ({ customers: 0, damaged: [] }), lock: async () => undefined },
    kdf: TEST_KDF,
  });
  const backups = new BackupService(
    vault,
    // Pages are not what these tests are about: the store's side is a stand-in.
    { read: async () => [], replace: async () => undefined } as unknown as SealedPages,
    { appVersion: 'test' },
  );
  return createVaultHandlers(vault, backups);
}

describe('vault handlers', () => {
  it('refuses a backup or a restore while the file is locked', async () => {
    const handlers = device();
    await handlers['vault.create']({ passphrase: PASS }, ctx);
    const made = await handlers['vault.backup']({}, ctx);
    await handlers['vault.lock']({}, ctx);
    await expect(handlers['vault.backup']({}, ctx)).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(
      handlers['vault.restoreBackup']({ bytes: made.bytes, passphrase: PASS }, ctx),
    ).rejects.toMatchObject({ code: 'LOCKED' });
  });

  it('counts wrong backup passphrases at preview like any wrong try, one at a time', async () => {
    const first = device();
    await first['vault.create']({ passphrase: PASS }, ctx);
    const made = await first['vault.backup']({}, ctx);
    const other = device();
    const tries = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        other['vault.previewBackup']({ bytes: made.bytes, passphrase: 'not the one!' }, ctx),
      ),
    );
    expect(tries.map((t) => (t.status === 'rejected' ? t.reason.code : 'ok'))).toEqual([
      'WRONG_SECRET',
      'WRONG_SECRET',
      'WRONG_SECRET',
      'TOO_MANY_TRIES',
      'TOO_MANY_TRIES',
    ]);
  });
});
