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
