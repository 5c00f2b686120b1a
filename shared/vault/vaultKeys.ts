import { AppError } from '../errors';
import { argon2Here, type Argon2 } from './argon2';
import { fromBase64, randomBytes, toBase64, utf8, wipe, type Bytes } from './bytes';
import { newRecoveryKey, parseRecoveryKey } from './recoveryKey';
import { DEFAULT_KDF, type KdfParams, type VaultFile } from './vaultFile';

export const DATA_KEY_BYTES = 32;

// Bound into each wrap so a wrap cannot be moved to the other slot.
const PASSPHRASE_AAD = utf8('comptoir-vault-v1:passphrase');
const RECOVERY_AAD = utf8('comptoir-vault-v1:recovery');

async function aesKey(raw: Bytes, usage: KeyUsage[]): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, usage);
}

async function passphraseKey(
  passphrase: string,
  kdf: VaultFile['kdf'],
  argon2: Argon2,
): Promise<CryptoKey> {
  const raw = await argon2({
    password: passphrase.normalize('NFC'),
    salt: fromBase64(kdf.salt),
    memoryKiB: kdf.memoryKiB,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
  });
  try {
    return await aesKey(raw, ['encrypt', 'decrypt']);
  } finally {
    wipe(raw);
  }
}

async function recoveryWrappingKey(recovery: Bytes, salt: Bytes): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', recovery, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8('comptoir recovery key v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function wrap(key: CryptoKey, secret: Bytes, aad: Bytes) {
  const iv = randomBytes(12);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad },
    key,
    secret,
  );
  return { iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(sealed)) };
}

async function unwrap(key: CryptoKey, sealed: { iv: string; ciphertext: string }, aad: Bytes) {
  const opened = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: aad },
    key,
    fromBase64(sealed.ciphertext),
  );
  return new Uint8Array(opened) as Bytes;
}

async function passphraseWrap(
  passphrase: string,
  dataKey: Bytes,
  params: KdfParams,
  argon2: Argon2,
) {
  const kdf = { ...params, salt: toBase64(randomBytes(16)) };
  const key = await passphraseKey(passphrase, kdf, argon2);
  return { kdf, passphraseWrap: await wrap(key, dataKey, PASSPHRASE_AAD) };
}

/** A new customer file's keys: a random data key, wrapped by the passphrase and a recovery key. */
export async function createVault(
  passphrase: string,
  params: KdfParams = DEFAULT_KDF,
  now = Date.now(),
  argon2: Argon2 = argon2Here,
): Promise<{ vault: VaultFile; dataKey: Bytes; recoveryKey: string }> {
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const recovery = await recoveryWrap(dataKey);
  const vault: VaultFile = {
    format: 'comptoir-vault',
    version: 1,
    createdAt: now,
    ...(await passphraseWrap(passphrase, dataKey, params, argon2)),
    recoveryWrap: recovery.wrap,
  };
  return { vault, dataKey, recoveryKey: recovery.text };
}

/** A fresh recovery key for the same data key: the old recovery key stops working. */
export async function rewrapRecovery(
  vault: VaultFile,
  dataKey: Bytes,
): Promise<{ vault: VaultFile; recoveryKey: string }> {
  const recovery = await recoveryWrap(dataKey);
  return {
    vault: { ...vault, recoveryWrap: recovery.wrap, recoveryKeySavedAt: undefined },
    recoveryKey: recovery.text,
  };
}

async function recoveryWrap(dataKey: Bytes) {
  const recovery = newRecoveryKey();
  const salt = randomBytes(16);
  const wrappingKey = await recoveryWrappingKey(recovery.bytes, salt);
  wipe(recovery.bytes);
  return {
    text: recovery.text,
    wrap: { salt: toBase64(salt), ...(await wrap(wrappingKey, dataKey, RECOVERY_AAD)) },
  };
}

const wrongSecret = (what: 'passphrase' | 'recovery key') =>
  new AppError('WRONG_SECRET', `The ${what} does not open this customer file`, { what });

export async function unlockWithPassphrase(
  vault: VaultFile,
  passphrase: string,
  argon2: Argon2 = argon2Here,
): Promise<Bytes> {
  const key = await passphraseKey(passphrase, vault.kdf, argon2);
  try {
    return await unwrap(key, vault.passphraseWrap, PASSPHRASE_AAD);
  } catch {
    throw wrongSecret('passphrase');
  }
}

export async function unlockWithRecoveryKey(
  vault: VaultFile,
  recoveryText: string,
): Promise<Bytes> {
  const recovery = parseRecoveryKey(recoveryText);
  if (!recovery) throw wrongSecret('recovery key');
  try {
    const key = await recoveryWrappingKey(recovery, fromBase64(vault.recoveryWrap.salt));
    return await unwrap(key, vault.recoveryWrap, RECOVERY_AAD);
  } catch {
    throw wrongSecret('recovery key');
  } finally {
    wipe(recovery);
  }
}

/** A new passphrase re-wraps the same data key: nothing else in the file changes. */
export async function rewrapPassphrase(
  vault: VaultFile,
  dataKey: Bytes,
  passphrase: string,
  params: KdfParams = vault.kdf,
  argon2: Argon2 = argon2Here,
): Promise<VaultFile> {
  const { algorithm, memoryKiB, iterations, parallelism } = params;
  return {
    ...vault,
    ...(await passphraseWrap(
      passphrase,
      dataKey,
      { algorithm, memoryKiB, iterations, parallelism },
      argon2,
    )),
  };
}
