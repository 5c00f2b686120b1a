import { z } from 'zod';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * Argon2id parameters a key file or a backup may ask for. They come from a file, so they are
 * untrusted: unbounded, a crafted file makes main allocate gigabytes or derive for minutes
 * before the passphrase is even checked. 1 GiB and 10 passes are far above this build's 64 MiB
 * and 3 (0.3 s here); memory x passes is capped at 4 GiB (about 6 s here), 20 times the default.
 */
export const KDF_LIMITS = {
  memoryKiB: { min: 8 * 1024, max: 1024 * 1024 },
  iterations: { min: 1, max: 10 },
  parallelism: { min: 1, max: 8 },
  memoryTimesIterationsKiB: 4 * 1024 * 1024,
} as const;

const bounded = (name: string, what: string, limits: { min: number; max: number }) =>
  z
    .int()
    .min(limits.min, { error: `Argon2id ${name} under ${limits.min}${what}` })
    .max(limits.max, { error: `Argon2id ${name} over ${limits.max}${what}` });

export const kdfSchema = z
  .strictObject({
    algorithm: z.literal('argon2id'),
    memoryKiB: bounded('memoryKiB', ' KiB', KDF_LIMITS.memoryKiB),
    iterations: bounded('iterations', '', KDF_LIMITS.iterations),
    parallelism: bounded('parallelism', '', KDF_LIMITS.parallelism),
    salt: base64,
  })
  .refine((kdf) => kdf.memoryKiB * kdf.iterations <= KDF_LIMITS.memoryTimesIterationsKiB, {
    path: ['memoryKiB'],
    error: `Argon2id memoryKiB x iterations over ${KDF_LIMITS.memoryTimesIterationsKiB} KiB`,
  });

/** Where a vault read from a file is wrong: its path, with the bound broken for Argon2id's. */
export function whereDamaged(issue: { path: PropertyKey[]; message: string }): string {
  const path = issue.path.map(String).join('.') || 'its root';
  return issue.path.includes('kdf') ? `${path} (${issue.message})` : path;
}

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
