import { describe, expect, it } from 'vitest';
import { coreContract } from '../../../shared/contract/core';
import { dispatch } from '../../../shared/rpc/dispatch';
import { randomBytes, type Bytes } from '../../../shared/vault/bytes';
import { restoreKeyCheck } from '../../../shared/vault/restoreKeyCheck';
import { createCoreHandlers } from '../core';
import { openDatabase } from '../db/database';
import { StoreRuntime, encryptedCodec } from '../storeRuntime';
import { readManifest } from '../pages/manifestRow';
import { settleRestore, stageRestore, type RestoreStep } from './pendingRestore';

const ctx = () => ({ signal: new AbortController().signal, progress: () => {} });

/** A customer file of `count` customers under its own key, locked. */
async function file(count: number) {
  const key = randomBytes(32);
  const runtime = new StoreRuntime(openDatabase(`restore-${crypto.randomUUID()}`), encryptedCodec);
  await runtime.unlock(key.slice());
  const handlers = createCoreHandlers(runtime, () => {});
  for (let i = 0; i < count; i++) {
    const made = await dispatch(
      coreContract,
      handlers,
      'customers.create',
      {
        customer: { lastName: `Client ${i}` },
      },
      ctx(),
    );
    expect(made.ok).toBe(true);
  }
  await runtime.file().history.whenLoaded();
  runtime.lock();
  return { key, runtime, db: runtime.db };
}

/** Opens the file with `key` as the next launch would: a new store on the same database. */
async function openWith(db: StoreRuntime['db'], key: Bytes) {
  const next = new StoreRuntime(openDatabase(db.name), encryptedCodec);
  const report = await next.unlock(key.slice());
  next.lock();
  return report;
}

const crashAt =
  (at: string): RestoreStep =>
  (step) => {
    if (step === at) throw new Error(`killed at ${step}`);
  };

describe('a restore cut off at any step opens as the old file or the backup, never between', async () => {
  const backup = await file(2);
  const backupPages = await backup.db.pages.toArray();
  const backupManifest = await readManifest(backup.db);
  const backupCheck = await restoreKeyCheck(backup.key);

  it('killed while staging: the old file, untouched', async () => {
    const here = await file(3);
    await expect(
      stageRestore(here.db, backupPages, backupCheck, backupManifest, crashAt('staged')),
    ).rejects.toThrow('killed at staged');
    expect(await here.db.pendingPages.count()).toBe(0);
    expect(await openWith(here.db, here.key)).toEqual({ customers: 3, damaged: [] });
  });

  it('killed after staging, before the key was written: the old file; the staged pages dropped', async () => {
    const here = await file(3);
    await stageRestore(here.db, backupPages, backupCheck, backupManifest);
    expect(await openWith(here.db, here.key)).toEqual({ customers: 3, damaged: [] });
    expect(await here.db.pendingPages.count()).toBe(0);
    expect(await here.db.meta.get('pendingRestore')).toBeUndefined();
    // A later unlock with the backup's key (written by nothing) finds nothing to complete.
    expect(await settleRestore(here.db, backupCheck)).toBe('none');
    expect(await openWith(here.db, here.key)).toEqual({ customers: 3, damaged: [] });
  });

  it('killed after the key was written: the next unlock (backup key) makes it the backup', async () => {
    const here = await file(3);
    await stageRestore(here.db, backupPages, backupCheck, backupManifest);
    expect(await openWith(here.db, backup.key)).toEqual({ customers: 2, damaged: [] });
    expect(await here.db.pendingPages.count()).toBe(0);
    expect(await openWith(here.db, backup.key)).toEqual({ customers: 2, damaged: [] });
  });

  it('killed while completing: nothing switched, and the next unlock completes it', async () => {
    const here = await file(3);
    const before = await here.db.pages.toArray();
    const manifestBefore = await readManifest(here.db);
    await stageRestore(here.db, backupPages, backupCheck, backupManifest);
    await expect(settleRestore(here.db, backupCheck, crashAt('completed'))).rejects.toThrow(
      'killed at completed',
    );
    expect(await here.db.pages.toArray()).toEqual(before);
    // The manifest switches with the pages, in the same transaction: the old one is still there.
    expect(await readManifest(here.db)).toEqual(manifestBefore);
    expect(await here.db.pendingPages.count()).toBe(backupPages.length);
    expect(await openWith(here.db, backup.key)).toEqual({ customers: 2, damaged: [] });
  });

  it('an empty backup is restored too (the key decides, not the pages)', async () => {
    const here = await file(3);
    await stageRestore(here.db, [], backupCheck, null);
    expect(await openWith(here.db, backup.key)).toEqual({ customers: 0, damaged: [] });
  });
});
