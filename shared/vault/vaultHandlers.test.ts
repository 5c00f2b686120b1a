import { describe, expect, it } from 'vitest';
import type { KeptBackup } from '../contract/vaultTypes';
import { AppError } from '../errors';
import type { Bytes } from './bytes';
import { keptBackupName, type KeptBackups } from './keptBackups';
import { BackupService, type SealedPages } from './backupService';
import { TEST_KDF } from './testKdf';
import type { VaultFile } from './vaultFile';
import { createVaultHandlers } from './vaultHandlers';
import { VaultService } from './vaultService';

const PASS = 'Vélo rouge, quai Saint-Antoine 1987!';
const ctx = { signal: new AbortController().signal, progress: () => undefined };

/** The kept backups in memory: what main's folder and browser mode's database both do. */
function memoryKept(
  fail = false,
): KeptBackups & { made: Map<string, KeptBackup & { bytes: Bytes }> } {
  const made = new Map<string, KeptBackup & { bytes: Bytes }>();
  return {
    made,
    keep: async (backup, at) => {
      if (fail) throw new AppError('STORAGE_FULL', 'No room left');
      const name = keptBackupName(at, new Set(made.keys()));
      made.set(name, { name, keptAt: at, records: backup.records, bytes: backup.bytes });
      return name;
    },
    list: async () =>
      [...made.values()].map(({ name, keptAt, records }) => ({ name, keptAt, records })),
    read: async (name) => {
      const found = made.get(name);
      if (!found) throw new AppError('NOT_FOUND', 'No such kept backup');
      return found.bytes;
    },
  };
}

function device(kept = memoryKept()) {
  let saved: unknown = null;
  const vault = new VaultService({
    storage: { read: async () => saved, write: async (v: VaultFile) => void (saved = v) },
    store: { unlock: async () => ({ customers: 0, damaged: [] }), lock: async () => undefined },
    kdf: TEST_KDF,
  });
  const backups = new BackupService(
    vault,
    // Pages are not what these tests are about: the store's side is a stand-in.
    {
      read: async () => ({ pages: [], manifest: null }),
      stage: async () => undefined,
    } as unknown as SealedPages,
    { appVersion: 'test' },
  );
  return Object.assign(createVaultHandlers(vault, backups, kept), { kept });
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

  describe('restoring over the file open on this device', () => {
    const OTHER = 'Une autre phrase, bien longue: 42 tulipes!';
    async function twoFiles() {
      const source = device();
      await source['vault.create']({ passphrase: OTHER }, ctx);
      const backup = await source['vault.backup']({}, ctx);
      const here = device();
      const created = await here['vault.create']({ passphrase: PASS }, ctx);
      return { here, backup, created };
    }

    it("wants the open file's passphrase typed again, and changes nothing without it", async () => {
      const { here, backup } = await twoFiles();
      await expect(
        here['vault.restoreBackup']({ bytes: backup.bytes, passphrase: OTHER }, ctx),
      ).rejects.toMatchObject({
        code: 'VALIDATION',
        details: [{ path: ['currentPassphrase'], rule: 'required' }],
      });
      expect(here.kept.made.size).toBe(0);
      expect((await here['vault.status']({}, ctx)).state).toBe('unlocked');
    });

    it('counts a wrong passphrase for the open file like any wrong try, and keeps nothing', async () => {
      const { here, backup } = await twoFiles();
      const tries = await Promise.allSettled(
        Array.from({ length: 4 }, () =>
          here['vault.restoreBackup'](
            { bytes: backup.bytes, passphrase: OTHER, currentPassphrase: 'not this one!' },
            ctx,
          ),
        ),
      );
      expect(tries.map((t) => (t.status === 'rejected' ? t.reason.code : 'ok'))).toEqual([
        'WRONG_SECRET',
        'WRONG_SECRET',
        'WRONG_SECRET',
        'TOO_MANY_TRIES',
      ]);
      expect((tries[0] as PromiseRejectedResult).reason.details).toMatchObject({
        path: ['currentPassphrase'],
      });
      expect(here.kept.made.size).toBe(0);
      expect((await here['vault.status']({}, ctx)).state).toBe('unlocked');
    });

    it('keeps a backup of the file it replaces first, which restores that file again', async () => {
      const { here, backup } = await twoFiles();
      const before = await here['vault.backup']({}, ctx);
      const report = await here['vault.restoreBackup'](
        { bytes: backup.bytes, passphrase: OTHER, currentPassphrase: PASS },
        ctx,
      );
      expect(report.keptReplaced).toMatch(/^comptoir-before-restore-.+\.comptoir-backup$/);
      const { kept } = await here['vault.keptBackups']({}, ctx);
      expect(kept.map((k) => k.name)).toEqual([report.keptReplaced]);
      // The file open now is the backup's: its passphrase, not the old one, opens it.
      await here['vault.lock']({}, ctx);
      await expect(
        here['vault.unlock']({ passphrase: PASS, remember: false }, ctx),
      ).rejects.toMatchObject({ code: 'WRONG_SECRET' });
      await here['vault.unlock']({ passphrase: OTHER, remember: false }, ctx);
      // The kept backup is the replaced file: the old passphrase opens it, same file as before.
      const { bytes } = await here['vault.keptBackup']({ name: report.keptReplaced! }, ctx);
      const fresh = device();
      const preview = await fresh['vault.previewBackup']({ bytes, passphrase: PASS }, ctx);
      const original = await fresh['vault.previewBackup'](
        { bytes: before.bytes, passphrase: PASS },
        ctx,
      );
      expect(preview.createdAt).toBeGreaterThanOrEqual(original.createdAt);
      await fresh['vault.restoreBackup']({ bytes, passphrase: PASS }, ctx);
      await fresh['vault.lock']({}, ctx);
      await fresh['vault.unlock']({ passphrase: PASS, remember: false }, ctx);
    });

    it('replaces nothing when the replaced file cannot be kept', async () => {
      const source = device();
      await source['vault.create']({ passphrase: OTHER }, ctx);
      const backup = await source['vault.backup']({}, ctx);
      const here = device(memoryKept(true));
      await here['vault.create']({ passphrase: PASS }, ctx);
      await expect(
        here['vault.restoreBackup'](
          { bytes: backup.bytes, passphrase: OTHER, currentPassphrase: PASS },
          ctx,
        ),
      ).rejects.toMatchObject({ code: 'STORAGE_FULL' });
      expect((await here['vault.status']({}, ctx)).state).toBe('unlocked');
      await here['vault.lock']({}, ctx);
      await here['vault.unlock']({ passphrase: PASS, remember: false }, ctx);
    });

    it('keeps nothing on a new device, which has no file to lose', async () => {
      const source = device();
      await source['vault.create']({ passphrase: OTHER }, ctx);
      const backup = await source['vault.backup']({}, ctx);
      const fresh = device();
      const report = await fresh['vault.restoreBackup'](
        { bytes: backup.bytes, passphrase: OTHER },
        ctx,
      );
      expect(report.keptReplaced).toBeNull();
      expect(fresh.kept.made.size).toBe(0);
    });

    it('lists and gives kept backups only while the file is open', async () => {
      const { here } = await twoFiles();
      await here['vault.lock']({}, ctx);
      await expect(here['vault.keptBackups']({}, ctx)).rejects.toMatchObject({ code: 'LOCKED' });
      await expect(
        here['vault.keptBackup']({ name: keptBackupName(0, new Set()) }, ctx),
      ).rejects.toMatchObject({ code: 'LOCKED' });
    });
  });
});
