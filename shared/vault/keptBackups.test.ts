import { describe, expect, it } from 'vitest';
import { vaultContract } from '../contract/vault';
import { KEPT_BEFORE_RESTORE_MAX, keptBackupName, keptInOrder } from './keptBackups';

const at = new Date(2026, 11, 7, 16, 25, 30).getTime();

describe('kept backups', () => {
  it('names a kept backup by when it was kept, never as one already there', () => {
    const first = keptBackupName(at, new Set());
    expect(first).toBe('comptoir-before-restore-2026-12-07-162530.comptoir-backup');
    const second = keptBackupName(at, new Set([first]));
    expect(second).toBe('comptoir-before-restore-2026-12-07-162530-2.comptoir-backup');
    expect(keptBackupName(at, new Set([first, second]))).toMatch(/-162530-3\.comptoir-backup$/);
  });

  it('accepts at the contract only the names it makes: no folder, no other file', () => {
    const arg = vaultContract['vault.keptBackup'].arg;
    expect(arg.safeParse({ name: keptBackupName(at, new Set()) }).success).toBe(true);
    for (const name of [
      '../comptoir-before-restore-2026-12-07-162530.comptoir-backup',
      'comptoir-before-restore-2026-12-07-162530.comptoir-backup/../../x',
      'kept.json',
      'comptoir-2026-12-07-1625.comptoir-backup',
    ]) {
      expect(arg.safeParse({ name }).success, name).toBe(false);
    }
  });

  it('keeps the newest few, newest first', () => {
    const kept = Array.from({ length: KEPT_BEFORE_RESTORE_MAX + 2 }, (_, i) => ({
      name: `k${i}`,
      keptAt: 1000 + i,
      records: {},
    }));
    const ordered = keptInOrder(kept);
    expect(ordered.kept.map((k) => k.name)).toEqual(['k4', 'k3', 'k2']);
    expect(ordered.dropped.map((k) => k.name)).toEqual(['k1', 'k0']);
  });
});
