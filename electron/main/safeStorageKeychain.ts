import type { KeychainStatus } from '../../shared/contract/vault';
import type { Bytes } from '../../shared/vault/bytes';
import type { Keychain } from '../../shared/vault/vaultService';
import type { ElectronDeps } from './deps';

/**
 * Linux backends that do not really protect a secret: `basic_text` is a hard-coded password,
 * `unknown` means Electron could not tell. "Remember on this device" is refused on them.
 */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

/** The OS keychain through Electron's safeStorage (Keychain, DPAPI, libsecret or kwallet). */
export function safeStorageKeychain(
  safeStorage: ElectronDeps['safeStorage'],
  platform: NodeJS.Platform,
): Keychain {
  const status = (): KeychainStatus => {
    const available = safeStorage.isEncryptionAvailable();
    if (platform !== 'linux') {
      const backend =
        platform === 'darwin' ? 'macos_keychain' : platform === 'win32' ? 'dpapi' : platform;
      return { available, backend, weak: !available };
    }
    const backend = safeStorage.getSelectedStorageBackend();
    return { available, backend, weak: !available || WEAK_LINUX_BACKENDS.has(backend) };
  };
  return {
    status,
    // safeStorage works on strings: the key travels as base64 and is sealed as such.
    async seal(secret: Bytes) {
      const sealed = safeStorage.encryptString(Buffer.from(secret).toString('base64'));
      return new Uint8Array(sealed);
    },
    async open(sealed: Bytes) {
      const text = safeStorage.decryptString(Buffer.from(sealed));
      return new Uint8Array(Buffer.from(text, 'base64'));
    },
  };
}
