import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { VaultStatus } from '../contract/vault';
import type { Bytes } from './bytes';
import type { VaultFile } from './vaultFile';
import { VaultService, type Keychain, type StoreGate, type VaultStorage } from './vaultService';
import { TEST_KDF as FAST } from './testKdf';

const PASS = 'Vélo rouge, quai Saint-Antoine 1987!';
const NEXT = 'un autre vélo, bleu cette fois 2027';

let saved: unknown;
let storage: VaultStorage;
let keys: Bytes[];
let store: StoreGate & { locked: number };
let now: number;
let statuses: VaultStatus[];

/** A fake OS keychain like Electron's safeStorage: it seals by XOR with its own secret. */
function fakeKeychain(backend: string, weak = false): Keychain {
  const secret = backend.length;
  return {
    status: () => ({ available: true, backend, weak }),
    seal: async (bytes) => bytes.map((b) => b ^ secret),
    open: async (bytes) => bytes.map((b) => b ^ secret),
  };
}

function service(keychain?: Keychain) {
  return new VaultService({
    storage,
    store,
    keychain,
    kdf: FAST,
    now: () => now,
    onChange: (s) => statuses.push(s),
  });
}

beforeEach(() => {
  saved = null;
  storage = {
    read: async () => saved,
    write: async (v: VaultFile) => void (saved = structuredClone(v)),
  };
  keys = [];
  store = {
    locked: 0,
    unlock: async (key) => {
      keys.push(key.slice());
      return { customers: 0, damaged: [] };
    },
    lock: async () => void store.locked++,
  };
  now = 1_000_000;
  statuses = [];
});

describe('VaultService', () => {
  it('creates, hands the store the key, and wipes its own copy', async () => {
    const vault = service();
    expect((await vault.status()).state).toBe('new');
    const unlock = vi.spyOn(store, 'unlock');
    const { recoveryKey } = await vault.create(PASS);
    expect(recoveryKey).toMatch(/^(\w{4}-){7}\w{4}$/);
    expect(keys[0]).toHaveLength(32);
    expect(keys[0]!.some((b) => b !== 0)).toBe(true);
    expect(unlock.mock.calls[0]![0].every((b) => b === 0)).toBe(true); // Wiped after the hand-over.
    expect((await vault.status()).state).toBe('unlocked');
    await expect(vault.create(PASS)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a weak passphrase with the reason, and creates nothing', async () => {
    await expect(service().create('azerty')).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: ['passphrase'], rule: 'tooShort' }],
    });
    expect(saved).toBeNull();
  });

  it('locks and unlocks with the same key; the status follows', async () => {
    const vault = service();
    await vault.create(PASS);
    await vault.lock();
    expect(store.locked).toBe(1);
    expect((await vault.status()).state).toBe('locked');
    await service().unlock(PASS, false); // A fresh process reading the saved vault file.
    expect(keys[1]).toEqual(keys[0]);
    expect(statuses.map((s) => s.state)).toEqual(['unlocked', 'locked', 'unlocked']);
  });

  it('slows down repeated wrong tries: three free, then 1 s, 2 s, 4 s…', async () => {
    await service().create(PASS);
    const vault = service();
    for (let i = 1; i <= 3; i++) {
      await expect(vault.unlock('wrong wrong wrong', false)).rejects.toMatchObject({
        code: 'WRONG_SECRET',
      });
    }
    expect((await vault.status()).retryAfterMs).toBe(1000);
    await expect(vault.unlock(PASS, false)).rejects.toMatchObject({ code: 'TOO_MANY_TRIES' });
    now += 1000;
    await expect(vault.unlock('wrong again!', false)).rejects.toMatchObject({
      details: { retryAfterMs: 2000 },
    });
    now += 2000;
    await vault.unlock(PASS, false);
    expect((await vault.status()).retryAfterMs).toBe(0);
  });

  it('keeps the wait across a restart: a new service reads the tries from the file', async () => {
    await service().create(PASS);
    for (let i = 1; i <= 4; i++) {
      await service()
        .unlock('wrong wrong wrong', false)
        .catch(() => undefined);
      now += 1000;
    }
    const restarted = service();
    expect((await restarted.status()).retryAfterMs).toBe(1000);
    await expect(restarted.unlock(PASS, false)).rejects.toMatchObject({ code: 'TOO_MANY_TRIES' });
    now += 1000;
    await restarted.unlock(PASS, false);
    expect((saved as VaultFile).throttle).toBeUndefined();
  });

  it('makes a new recovery key on the passphrase; the old key stops working', async () => {
    const vault = service();
    const first = await vault.create(PASS);
    await vault.recoveryKeySaved();
    expect((await vault.status()).recoveryKeySaved).toBe(true);
    await expect(vault.newRecoveryKey('not the passphrase')).rejects.toMatchObject({
      code: 'WRONG_SECRET',
    });
    const { recoveryKey } = await vault.newRecoveryKey(PASS);
    expect(recoveryKey).not.toBe(first.recoveryKey);
    expect((await service().status()).recoveryKeySaved).toBe(false);
    await expect(service().recover(first.recoveryKey, NEXT)).rejects.toMatchObject({
      code: 'WRONG_SECRET',
    });
    await service().recover(recoveryKey, NEXT);
    expect(keys.at(-1)).toEqual(keys[0]);
  });

  it('remembers the auto-lock delay across a restart', async () => {
    const vault = service();
    await vault.create(PASS);
    expect((await vault.status()).autoLockMinutes).toBe(15);
    await vault.setAutoLock(5);
    expect((await service().status()).autoLockMinutes).toBe(5);
  });

  it('changes the passphrase by re-wrapping only; the old one stops working', async () => {
    const vault = service();
    await vault.create(PASS);
    const before = saved as VaultFile;
    await expect(vault.changePassphrase('not the passphrase', NEXT)).rejects.toMatchObject({
      code: 'WRONG_SECRET',
    });
    await vault.changePassphrase(PASS, NEXT);
    const after = saved as VaultFile;
    expect(after.recoveryWrap).toEqual(before.recoveryWrap);
    expect(after.passphraseWrap).not.toEqual(before.passphraseWrap);
    await expect(service().unlock(PASS, false)).rejects.toMatchObject({ code: 'WRONG_SECRET' });
    await service().unlock(NEXT, false);
    expect(keys.at(-1)).toEqual(keys[0]);
  });

  it('recovers with the recovery key and sets the new passphrase', async () => {
    const { recoveryKey } = await service().create(PASS);
    const vault = service();
    await expect(vault.recover('AAAA-BBBB', NEXT)).rejects.toMatchObject({ code: 'WRONG_SECRET' });
    await vault.recover(recoveryKey, NEXT);
    expect(keys.at(-1)).toEqual(keys[0]);
    await service().unlock(NEXT, false);
    await expect(service().unlock(PASS, false)).rejects.toMatchObject({ code: 'WRONG_SECRET' });
  });

  it('remembers on this device through the keychain, and forgets on request', async () => {
    const keychain = fakeKeychain('gnome_libsecret');
    await service(keychain).create(PASS);
    await service(keychain).unlock(PASS, true);
    expect((saved as VaultFile).keychainWrap?.backend).toBe('gnome_libsecret');
    const next = service(keychain);
    expect((await next.status()).remembered).toBe(true);
    await next.unlockRemembered();
    expect(keys.at(-1)).toEqual(keys[0]);
    await next.forgetDevice();
    expect((saved as VaultFile).keychainWrap).toBeUndefined();
    await expect(service(keychain).unlockRemembered()).rejects.toMatchObject({ code: 'LOCKED' });
  });

  it('refuses to remember with a weak keychain (Linux basic_text) and says why', async () => {
    const weak = fakeKeychain('basic_text', true);
    await service(weak).create(PASS);
    await expect(service(weak).unlock(PASS, true)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: ['remember'], rule: 'weakKeychain' }],
    });
    expect((saved as VaultFile).keychainWrap).toBeUndefined();
  });

  it('detects a changed keychain backend and does not use the old seal', async () => {
    await service(fakeKeychain('kwallet5')).create(PASS);
    await service(fakeKeychain('kwallet5')).unlock(PASS, true);
    const changed = service(fakeKeychain('gnome_libsecret'));
    const status = await changed.status();
    expect(status.remembered).toBe(false);
    expect(status.keychainChanged).toEqual({ was: 'kwallet5', now: 'gnome_libsecret' });
    await expect(changed.unlockRemembered()).rejects.toMatchObject({ code: 'LOCKED' });
  });

  it('says BAD_FILE for a damaged vault file instead of treating it as new', async () => {
    saved = { format: 'comptoir-vault', version: 1, kdf: 'nonsense' };
    await expect(service().status()).rejects.toMatchObject({ code: 'BAD_FILE' });
  });

  it('after a lock the keychain stays shut until the passphrase is typed, across a restart', async () => {
    const keychain = fakeKeychain('gnome_libsecret');
    const vault = service(keychain);
    await vault.create(PASS);
    await vault.unlock(PASS, true);
    await vault.lock();
    expect((await vault.status()).remembered).toBe(false);
    await expect(vault.unlockRemembered()).rejects.toMatchObject({ code: 'LOCKED' });
    const restarted = service(keychain);
    await expect(restarted.unlockRemembered()).rejects.toMatchObject({
      code: 'LOCKED',
      details: { passphraseRequired: true },
    });
    await restarted.unlock(PASS, false);
    expect((await service(keychain).status()).remembered).toBe(true);
  });

  it('marks the file locked and tells the UI before the store has answered', async () => {
    const vault = service();
    await vault.create(PASS);
    let release: () => void = () => undefined;
    store.lock = () => new Promise<void>((resolve) => (release = resolve));
    const locking = vault.lock();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(statuses.at(-1)?.state).toBe('locked');
    expect((saved as VaultFile).passphraseRequired).toBe(true);
    release();
    await locking;
  });

  it('refuses recovery-key, forget-device and auto-lock calls while locked', async () => {
    const vault = service(fakeKeychain('gnome_libsecret'));
    await vault.create(PASS);
    await vault.lock();
    await expect(vault.newRecoveryKey(PASS)).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(vault.recoveryKeySaved()).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(vault.forgetDevice()).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(vault.setAutoLock(5)).rejects.toMatchObject({ code: 'LOCKED' });
  });

  it('checks one secret at a time: parallel wrong tries cannot race the counter', async () => {
    await service().create(PASS);
    const vault = service();
    const tries = await Promise.allSettled(
      Array.from({ length: 6 }, () => vault.unlock('wrong wrong wrong', false)),
    );
    const codes = tries.map((t) => (t.status === 'rejected' ? t.reason.code : 'ok'));
    // Three counted wrong tries, then the wait refuses the rest: never six free guesses.
    expect(codes).toEqual([
      'WRONG_SECRET',
      'WRONG_SECRET',
      'WRONG_SECRET',
      'TOO_MANY_TRIES',
      'TOO_MANY_TRIES',
      'TOO_MANY_TRIES',
    ]);
    expect((saved as VaultFile).throttle?.failures).toBe(3);
  });

  it('upgrades weak Argon2id parameters when the passphrase is changed', async () => {
    const vault = service();
    await vault.create(PASS);
    saved = { ...(saved as VaultFile), kdf: { ...(saved as VaultFile).kdf, iterations: 1 } };
    const stronger = new VaultService({
      storage,
      store,
      kdf: { ...FAST, iterations: 2 },
      now: () => now,
    });
    await stronger.changePassphrase(PASS, NEXT);
    expect((saved as VaultFile).kdf.iterations).toBe(2);
  });
});
