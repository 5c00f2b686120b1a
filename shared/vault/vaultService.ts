import type { UnlockReport } from '../contract/storeControl';
import type { KeychainStatus, VaultStatus } from '../contract/vaultTypes';
import { AppError } from '../errors';
import { fromBase64, toBase64, wipe, type Bytes } from './bytes';
import { judgePassphrase } from './passphrasePolicy';
import { isWeaker, upgradedKdf } from './kdfUpgrade';
import {
  DEFAULT_KDF,
  vaultFileSchema,
  whereDamaged,
  type KdfParams,
  type VaultFile,
} from './vaultFile';
import { argon2Here, type Argon2 } from './argon2';
import {
  createVault,
  rewrapPassphrase,
  rewrapRecovery,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from './vaultKeys';

/** Where the vault file lives: a file in userData (Electron) or IndexedDB (browser mode). */
export interface VaultStorage {
  read(): Promise<unknown>;
  write(vault: VaultFile): Promise<void>;
}

/** The OS keychain (Electron safeStorage); browser mode has none. */
export interface Keychain {
  status(): KeychainStatus;
  seal(secret: Bytes): Promise<Bytes>;
  open(sealed: Bytes): Promise<Bytes>;
}

/** The store, seen from the vault: it receives the key on unlock and forgets it on lock. */
export interface StoreGate {
  unlock(dataKey: Bytes): Promise<UnlockReport>;
  lock(): Promise<void>;
}

export const NO_KEYCHAIN: Keychain = {
  status: () => ({ available: false, backend: 'none', weak: true }),
  seal: () => Promise.reject(new AppError('VALIDATION', 'No keychain on this device')),
  open: () => Promise.reject(new AppError('VALIDATION', 'No keychain on this device')),
};

const FREE_TRIES = 3;
const MAX_WAIT_MS = 60_000;
const DEFAULT_AUTO_LOCK_MINUTES = 15;

export interface VaultServiceOptions {
  storage: VaultStorage;
  store: StoreGate;
  keychain?: Keychain;
  kdf?: KdfParams;
  /** Where Argon2id runs; on this thread by default (browser mode passes a worker of its own). */
  argon2?: Argon2;
  now?: () => number;
  onChange?: (status: VaultStatus) => void;
}

/**
 * Passphrase, recovery key, keychain and lock. Holds the data key only for the moment it
 * takes to hand it to the store; the UI never sees it.
 */
export class VaultService {
  private get argon2(): Argon2 {
    return this.options.argon2 ?? argon2Here;
  }
  private vault: VaultFile | null = null;
  private loaded = false;
  private unlocked = false;
  private failures = 0;
  private nextTryAt = 0;
  private checking: Promise<unknown> = Promise.resolve();
  private autoLockMinutes = DEFAULT_AUTO_LOCK_MINUTES;
  private readonly keychain: Keychain;
  private readonly now: () => number;

  constructor(private readonly options: VaultServiceOptions) {
    this.keychain = options.keychain ?? NO_KEYCHAIN;
    this.now = options.now ?? Date.now;
  }

  async status(): Promise<VaultStatus> {
    const vault = await this.load();
    const keychain = this.keychain.status();
    const sealedBy = vault?.keychainWrap?.backend;
    const keychainChanged =
      sealedBy && sealedBy !== keychain.backend ? { was: sealedBy, now: keychain.backend } : null;
    return {
      state: !vault ? 'new' : this.unlocked ? 'unlocked' : 'locked',
      remembered:
        Boolean(vault?.keychainWrap) &&
        !vault?.passphraseRequired &&
        !keychainChanged &&
        keychain.available,
      keychain,
      keychainChanged,
      retryAfterMs: Math.max(0, this.nextTryAt - this.now()),
      autoLockMinutes: this.autoLockMinutes,
      recoveryKeySaved: Boolean(vault?.recoveryKeySavedAt),
    };
  }

  async create(passphrase: string): Promise<{ recoveryKey: string; report: UnlockReport }> {
    if (await this.load()) throw new AppError('CONFLICT', 'A customer file already exists here');
    this.requireAcceptable(passphrase);
    const { vault, dataKey, recoveryKey } = await createVault(
      passphrase,
      this.options.kdf ?? DEFAULT_KDF,
      this.now(),
      this.argon2,
    );
    await this.save(vault);
    return { recoveryKey, report: await this.openStore(dataKey) };
  }

  async unlock(passphrase: string, remember: boolean): Promise<UnlockReport> {
    const vault = await this.requireVault();
    const dataKey = await this.checked(() => unlockWithPassphrase(vault, passphrase, this.argon2));
    try {
      await this.upgradeKdf(passphrase, dataKey);
      await this.passphraseTyped();
      if (remember) await this.remember(await this.requireVault(), dataKey);
    } catch (error) {
      wipe(dataKey);
      throw error;
    }
    return this.openStore(dataKey);
  }

  async unlockRemembered(): Promise<UnlockReport> {
    const vault = await this.requireVault();
    const status = await this.status();
    if (vault.passphraseRequired) {
      throw new AppError('LOCKED', 'The customer file was locked: type its passphrase to open it', {
        passphraseRequired: true,
        keychainChanged: status.keychainChanged,
      });
    }
    if (!status.remembered || !vault.keychainWrap) {
      throw new AppError('LOCKED', 'This device does not remember the customer file', {
        keychainChanged: status.keychainChanged,
      });
    }
    let dataKey: Bytes;
    try {
      dataKey = await this.keychain.open(fromBase64(vault.keychainWrap.sealed));
    } catch {
      // The keychain no longer opens it (reset, another user): forget it, ask for the passphrase.
      await this.save({ ...vault, keychainWrap: undefined });
      throw new AppError('LOCKED', 'The system keychain could not open the customer file');
    }
    return this.openStore(dataKey);
  }

  /** Forgotten passphrase: the recovery key opens the file and a new passphrase is set. */
  async recover(recoveryKey: string, newPassphrase: string): Promise<UnlockReport> {
    const vault = await this.requireVault();
    this.requireAcceptable(newPassphrase);
    const dataKey = await this.checked(() => unlockWithRecoveryKey(vault, recoveryKey));
    try {
      // The old keychain seal is dropped too: whoever lost the passphrase re-chooses "remember".
      await this.save({
        ...(await rewrapPassphrase(
          await this.requireVault(),
          dataKey,
          newPassphrase,
          this.kdfFor(vault),
          this.argon2,
        )),
        keychainWrap: undefined,
        passphraseRequired: undefined,
      });
    } catch (error) {
      wipe(dataKey);
      throw error;
    }
    return this.openStore(dataKey);
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const vault = await this.requireVault();
    this.requireAcceptable(next);
    const dataKey = await this.checked(() => unlockWithPassphrase(vault, current, this.argon2));
    try {
      const latest = await this.requireVault();
      await this.save(
        await rewrapPassphrase(latest, dataKey, next, this.kdfFor(latest), this.argon2),
      );
    } finally {
      wipe(dataKey);
    }
  }

  /** A lost or unconfirmed recovery key is replaced; the passphrase proves who asks. */
  async newRecoveryKey(passphrase: string): Promise<{ recoveryKey: string }> {
    const vault = await this.requireUnlocked();
    const dataKey = await this.checked(() => unlockWithPassphrase(vault, passphrase, this.argon2));
    try {
      const next = await rewrapRecovery(await this.requireVault(), dataKey);
      await this.save(next.vault);
      await this.notify();
      return { recoveryKey: next.recoveryKey };
    } finally {
      wipe(dataKey);
    }
  }

  async recoveryKeySaved(): Promise<void> {
    const vault = await this.requireUnlocked();
    await this.save({ ...vault, recoveryKeySavedAt: this.now() });
    await this.notify();
  }

  async forgetDevice(): Promise<void> {
    const vault = await this.requireUnlocked();
    await this.save({ ...vault, keychainWrap: undefined });
    await this.notify();
  }

  async setAutoLock(minutes: number): Promise<void> {
    const vault = await this.load();
    if (vault) await this.requireUnlocked();
    if (vault)
      await this.save({ ...vault, settings: { ...vault.settings, autoLockMinutes: minutes } });
    this.autoLockMinutes = minutes;
    await this.notify();
  }

  /** This device's vault as stored (null before a file is created): what a backup carries. */
  async vaultFile(): Promise<VaultFile | null> {
    return this.load();
  }

  /**
   * Makes `vault` this device's, as a restored backup brings it, and opens the store with its
   * key: the backup's passphrase opens the file from now on. This device's keychain seal and
   * wrong-try count do not carry over; its auto-lock setting stays.
   */
  async adopt(vault: VaultFile, dataKey: Bytes): Promise<UnlockReport> {
    try {
      const current = await this.load();
      const settings = current?.settings ?? vault.settings;
      await this.save({
        ...vault,
        keychainWrap: undefined,
        throttle: undefined,
        passphraseRequired: undefined,
        settings,
      });
      this.failures = 0;
      this.nextTryAt = 0;
    } catch (error) {
      wipe(dataKey);
      throw error;
    }
    return this.openStore(dataKey);
  }

  /**
   * Locks at once, in this order: the file is marked locked (and the keychain refused until a
   * secret is typed, across a relaunch too), the UI is told, and only then is the store asked
   * to forget its key, so a busy or crashed store cannot hold the lock up.
   */
  async lock(): Promise<void> {
    this.unlocked = false;
    let unsaved: unknown = null;
    try {
      const vault = await this.load();
      if (vault && !vault.passphraseRequired)
        await this.save({ ...vault, passphraseRequired: true });
    } catch (error) {
      unsaved = error;
    }
    await this.notify().catch(() => undefined);
    await this.options.store.lock();
    if (unsaved) throw unsaved;
  }

  /** LOCKED unless the file is open: what only its owner, at the keyboard, may do. */
  async requireUnlocked(): Promise<VaultFile> {
    const vault = await this.requireVault();
    if (!this.unlocked) throw new AppError('LOCKED', 'The customer file is locked');
    return vault;
  }

  /**
   * One secret check at a time: `attempt` runs after the previous check has ended, refused while
   * the wrong-try wait runs, and a WRONG_SECRET it throws is counted. Parallel tries cannot race
   * the counter. Restore and backup preview use it too.
   */
  checked<T>(attempt: () => Promise<T>): Promise<T> {
    const run = this.checking.then(async () => {
      this.requireTryAllowed();
      return this.counted(attempt());
    });
    this.checking = run.catch(() => undefined);
    return run;
  }

  /** The file's own passphrase typed again (inside `checked`): WRONG_SECRET if it is not. */
  async confirmPassphrase(passphrase: string): Promise<void> {
    const vault = await this.requireVault();
    try {
      wipe(await unlockWithPassphrase(vault, passphrase, this.argon2));
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_SECRET') {
        throw new AppError('WRONG_SECRET', 'The passphrase does not open this customer file', {
          what: 'passphrase',
          path: ['currentPassphrase'],
        });
      }
      throw error;
    }
  }

  /** A secret was typed: the keychain may open the file again (until the next lock). */
  private async passphraseTyped(): Promise<void> {
    const vault = await this.requireVault();
    if (vault.passphraseRequired) await this.save({ ...vault, passphraseRequired: undefined });
  }

  /** Never weaker than this build's parameters: a rewrap upgrades an old file's. */
  private kdfFor(vault: VaultFile): KdfParams {
    return upgradedKdf(vault.kdf, this.options.kdf ?? DEFAULT_KDF);
  }

  /**
   * The passphrase was just typed: a file with weaker parameters (an old one, a restored
   * backup's) is re-wrapped with this build's, once. If that fails the file opens as it was.
   */
  private async upgradeKdf(passphrase: string, dataKey: Bytes): Promise<void> {
    const vault = await this.requireVault();
    if (!isWeaker(vault.kdf, this.kdfFor(vault))) return;
    try {
      await this.save(
        await rewrapPassphrase(vault, dataKey, passphrase, this.kdfFor(vault), this.argon2),
      );
    } catch {
      // Kept as it was: the next unlock tries again.
    }
  }

  private async openStore(dataKey: Bytes): Promise<UnlockReport> {
    try {
      const report = await this.options.store.unlock(dataKey);
      this.unlocked = true;
      await this.notify();
      return report;
    } finally {
      wipe(dataKey);
    }
  }

  private async remember(vault: VaultFile, dataKey: Bytes): Promise<void> {
    const keychain = this.keychain.status();
    if (!keychain.available || keychain.weak) {
      throw new AppError(
        'VALIDATION',
        `The system keychain (${keychain.backend}) cannot protect the key`,
        [{ path: ['remember'], rule: 'weakKeychain' }],
      );
    }
    const sealed = await this.keychain.seal(dataKey.slice());
    await this.save({
      ...vault,
      keychainWrap: { backend: keychain.backend, sealed: toBase64(sealed) },
    });
  }

  /** Counts failed tries; from the fourth on, each must wait twice as long (up to a minute). */
  private async counted<T>(attempt: Promise<T>): Promise<T> {
    try {
      const key = await attempt;
      if (this.failures > 0) await this.recordTries(0, 0);
      return key;
    } catch (error) {
      if (error instanceof AppError && error.code === 'WRONG_SECRET') {
        const failures = this.failures + 1;
        const wait =
          failures < FREE_TRIES ? 0 : Math.min(1000 * 2 ** (failures - FREE_TRIES), MAX_WAIT_MS);
        await this.recordTries(failures, this.now() + wait);
        throw new AppError('WRONG_SECRET', error.message, {
          ...(error.details as object),
          failures: this.failures,
          retryAfterMs: wait,
        });
      }
      throw error;
    }
  }

  private async recordTries(failures: number, nextTryAt: number): Promise<void> {
    this.failures = failures;
    this.nextTryAt = nextTryAt;
    // No file yet (a restore on a new laptop): the count is kept in memory only.
    const vault = await this.load();
    if (vault)
      await this.save({ ...vault, throttle: failures > 0 ? { failures, nextTryAt } : undefined });
  }

  private requireTryAllowed(): void {
    const wait = this.nextTryAt - this.now();
    if (wait > 0) {
      throw new AppError(
        'TOO_MANY_TRIES',
        `Too many wrong tries: wait ${Math.ceil(wait / 1000)} s`,
        {
          retryAfterMs: wait,
        },
      );
    }
  }

  private requireAcceptable(passphrase: string): void {
    const verdict = judgePassphrase(passphrase);
    if (!verdict.acceptable) {
      throw new AppError(
        'VALIDATION',
        `The passphrase is too weak: ${verdict.problems.join(', ')}`,
        [{ path: ['passphrase'], rule: verdict.problems[0] ?? 'tooGuessable' }],
      );
    }
  }

  private async requireVault(): Promise<VaultFile> {
    const vault = await this.load();
    if (!vault) throw new AppError('NOT_FOUND', 'No customer file has been created here yet');
    return vault;
  }

  private async load(): Promise<VaultFile | null> {
    if (!this.loaded) {
      const raw = await this.options.storage.read();
      if (raw !== null && raw !== undefined) {
        const parsed = vaultFileSchema.safeParse(raw);
        if (!parsed.success) {
          throw new AppError(
            'BAD_FILE',
            `The key file of this customer file is damaged at ${whereDamaged(parsed.error.issues[0]!)}`,
            { issues: parsed.error.issues.map((i) => i.path.join('.')) },
          );
        }
        this.vault = parsed.data;
        this.autoLockMinutes = parsed.data.settings?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;
        this.failures = parsed.data.throttle?.failures ?? 0;
        this.nextTryAt = parsed.data.throttle?.nextTryAt ?? 0;
      }
      this.loaded = true;
    }
    return this.vault;
  }

  private async save(vault: VaultFile): Promise<void> {
    const clean = vaultFileSchema.parse(JSON.parse(JSON.stringify(vault)));
    await this.options.storage.write(clean);
    this.vault = clean;
  }

  private async notify(): Promise<void> {
    this.options.onChange?.(await this.status());
  }
}
