import { z } from 'zod';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const kdfSchema = z.strictObject({
  algorithm: z.literal('argon2id'),
  memoryKiB: z
    .int()
    .min(8 * 1024)
    .max(4 * 1024 * 1024),
  iterations: z.int().min(1).max(100),
  parallelism: z.int().min(1).max(16),
  salt: base64,
});

const wrapSchema = z.strictObject({ iv: base64, ciphertext: base64 });

/**
 * What is kept on disk to open the customer file: the data key wrapped three ways.
 * Nothing here reveals the key without the passphrase, the recovery key or the OS keychain.
 */
export const vaultFileSchema = z.strictObject({
  format: z.literal('comptoir-vault'),
  version: z.literal(1),
  createdAt: z.int(),
  kdf: kdfSchema,
  passphraseWrap: wrapSchema,
  recoveryWrap: wrapSchema.extend({ salt: base64 }),
  /** Only in Electron, when "remember on this device" is on: the data key sealed by safeStorage. */
  keychainWrap: z.strictObject({ backend: z.string(), sealed: base64 }).optional(),
  /** Set by every lock: the keychain may not open the file again until a secret is typed. */
  passphraseRequired: z.literal(true).optional(),
  /** When the user proved they kept the recovery key; unset until then (and after a new one). */
  recoveryKeySavedAt: z.int().optional(),
  /** Settings that must survive a restart; not secret. */
  settings: z
    .strictObject({
      autoLockMinutes: z
        .int()
        .min(0)
        .max(24 * 60),
    })
    .optional(),
  /** Wrong tries so far: kept on disk so that restarting the app does not reset the wait. */
  throttle: z.strictObject({ failures: z.int().min(0), nextTryAt: z.int().min(0) }).optional(),
});

export type VaultFile = z.infer<typeof vaultFileSchema>;
export type KdfParams = Omit<VaultFile['kdf'], 'salt'>;

/** 64 MiB, 3 passes: about 0.3 s here, slow enough to make guessing a passphrase costly. */
export const DEFAULT_KDF: KdfParams = {
  algorithm: 'argon2id',
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 1,
};
