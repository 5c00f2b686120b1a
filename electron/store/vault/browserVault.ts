import type { VaultStatus } from '../../../shared/contract/vault';
import type { Argon2 } from '../../../shared/vault/argon2';
import type { KdfParams, VaultFile } from '../../../shared/vault/vaultFile';
import { VaultService, type VaultStorage } from '../../../shared/vault/vaultService';
import type { ComptoirDatabase } from '../db/database';
import type { StoreRuntime } from '../storeRuntime';

const VAULT_KEY = 'vault';

/** Browser mode keeps the vault file beside the pages, in IndexedDB (it holds no clear key). */
export function indexedDbVaultStorage(db: ComptoirDatabase): VaultStorage {
  return {
    read: async () => (await db.meta.get(VAULT_KEY))?.value ?? null,
    write: async (vault: VaultFile) => {
      await db.meta.put({ key: VAULT_KEY, value: vault });
    },
  };
}

/**
 * Browser mode's vault runs inside the store worker, so the data key never enters the page
 * that draws the UI; Electron's runs in main instead. There is no OS keychain here.
 */
export function createBrowserVault(
  runtime: StoreRuntime,
  onChange: (status: VaultStatus) => void,
  options: { kdf?: KdfParams; argon2?: Argon2 } = {},
) {
  return new VaultService({
    storage: indexedDbVaultStorage(runtime.db),
    store: {
      unlock: (dataKey) => runtime.unlock(dataKey),
      lock: async () => runtime.lock(),
    },
    onChange,
    ...options,
  });
}
