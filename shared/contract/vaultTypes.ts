import type { Bytes } from '../vault/bytes';
import type { DamagedPage, UnlockReport } from './storeControl';

// The vault's shapes on their own, so the contract and the vault services import them from here
// instead of from each other (issue 18, section 4).

export type VaultState = 'new' | 'locked' | 'unlocked';

export interface KeychainStatus {
  /** False in browser mode, or where the OS offers no keychain. */
  available: boolean;
  backend: string;
  /** A backend that does not really protect secrets (Linux `basic_text`). */
  weak: boolean;
}

export interface VaultStatus {
  state: VaultState;
  /** "Remember on this device" is on and the keychain still opens it. */
  remembered: boolean;
  keychain: KeychainStatus;
  /** Set when the keychain backend differs from the one that sealed the key. */
  keychainChanged: { was: string; now: string } | null;
  /** Milliseconds before another unlock try is accepted (after repeated failures). */
  retryAfterMs: number;
  autoLockMinutes: number;
  /** The user proved they kept the current recovery key. */
  recoveryKeySaved: boolean;
}

export interface BackupMade {
  name: string;
  bytes: Bytes;
  /** Records per table: "customers", "purchases"... */
  records: Record<string, number>;
}

/** What a backup holds, shown before it replaces anything. */
export interface BackupPreview {
  createdAt: number;
  appVersion: string;
  /** Records per table, from the backup's sealed manifest when it has one (`verified`). */
  records: Record<string, number>;
  /** False: a backup made before manifests; its counts are the pages' own, unchecked. */
  verified: boolean;
  /** Pages not as the manifest lists them (older, altered, missing, extra): reported as damaged. */
  damaged: DamagedPage[];
  /** A customer file exists here and the restore will replace it. */
  replacesFile: boolean;
  /** That file is the one the backup was made from (the same key), maybe at another time. */
  sameFile: boolean;
}

/** A backup of the customer file a restore replaced, kept on this device before the switch. */
export interface KeptBackup {
  name: string;
  keptAt: number;
  /** Records per table when it was kept. */
  records: Record<string, number>;
}

/** A restore's result: the file opened, and the name under which the replaced one was kept. */
export interface RestoreReport extends UnlockReport {
  keptReplaced: string | null;
}
