import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import type { Bytes } from './bytes';
import { decodeBackup, encodeBackup } from './backupFile';
import { TEST_KDF } from './testKdf';
import { DEFAULT_KDF, KDF_LIMITS, kdfSchema, type VaultFile } from './vaultFile';
import { isWeaker, upgradedKdf } from './kdfUpgrade';
import { createVault } from './vaultKeys';
import { VaultService, type VaultStorage } from './vaultService';

const PASS = 'Vélo rouge, quai Saint-Antoine 1987!';
const NEXT = 'un autre vélo, bleu cette fois 2027';
const GiB = 1024 * 1024;

/** A key file in memory and a store that takes any key (and keeps a copy of each). */
function laptop(saved: unknown, kdf = TEST_KDF) {
  const disk = { saved };
  const keys: Bytes[] = [];
  const storage: VaultStorage = {
    read: async () => disk.saved,
    write: async (vault) => void (disk.saved = structuredClone(vault)),
  };
  const store = {
    unlock: async (key: Bytes) => {
      keys.push(key.slice());
      return { customers: 0, damaged: [] };
    },
    lock: async () => {},
  };
  return { disk, keys, vault: new VaultService({ storage, store, kdf }) };
}

const refusal = async (attempt: () => Promise<unknown>) =>
  attempt().then(
    () => null,
    (error: AppError) => ({ code: error.code, message: error.message }),
  );

const CRAFTED: [string, Partial<VaultFile['kdf']>, RegExp][] = [
  ['4 GiB of memory', { memoryKiB: 4 * GiB }, /kdf\.memoryKiB \(Argon2id memoryKiB over 1048576/],
  ['100 passes', { iterations: 100 }, /kdf\.iterations \(Argon2id iterations over 10\)/],
  ['16 lanes', { parallelism: 16 }, /kdf\.parallelism \(Argon2id parallelism over 8\)/],
  ['1 GiB x 10 passes', { memoryKiB: GiB, iterations: 10 }, /kdf\.memoryKiB \(.*x iterations/],
  ['4 MiB of memory', { memoryKiB: 4096 }, /kdf\.memoryKiB \(Argon2id memoryKiB under 8192/],
  ['no pass at all', { iterations: 0 }, /kdf\.iterations \(Argon2id iterations under 1\)/],
];

describe('Argon2id parameters from a file', () => {
  it.each(CRAFTED)(
    'a key file asking for %s is refused with BAD_FILE naming the parameter, before any derivation',
    async (_, kdf, message) => {
      const { vault: file } = await createVault(PASS, TEST_KDF);
      const { vault } = laptop({ ...file, kdf: { ...file.kdf, ...kdf } });
      const started = Date.now();
      expect(await refusal(() => vault.unlock(PASS, false))).toEqual({
        code: 'BAD_FILE',
        message: expect.stringMatching(message),
      });
      expect(Date.now() - started).toBeLessThan(1000);
    },
  );

  it.each(CRAFTED)(
    'a backup asking for %s is refused with BAD_FILE naming the parameter',
    async (_, kdf, message) => {
      const { vault: file } = await createVault(PASS, TEST_KDF);
      const bytes = encodeBackup({
        createdAt: 1,
        appVersion: '0.1.0',
        vault: { ...file, kdf: { ...file.kdf, ...kdf } },
        pages: [],
      });
      expect(await refusal(async () => decodeBackup(bytes))).toEqual({
        code: 'BAD_FILE',
        message: expect.stringMatching(new RegExp(`damaged at vault\\.${message.source}`)),
      });
    },
  );

  it("accepts the bounds themselves, and this build's and the tests' parameters lie within", () => {
    const salt = 'AAAA';
    for (const kdf of [
      { ...DEFAULT_KDF, salt },
      { ...TEST_KDF, salt },
      { algorithm: 'argon2id', memoryKiB: GiB, iterations: 4, parallelism: 8, salt },
      { algorithm: 'argon2id', memoryKiB: 8192, iterations: 10, parallelism: 1, salt },
    ]) {
      expect(kdfSchema.safeParse(kdf).success).toBe(true);
    }
    expect(KDF_LIMITS.memoryKiB.max * DEFAULT_KDF.iterations).toBeLessThanOrEqual(
      KDF_LIMITS.memoryTimesIterationsKiB,
    );
  });
});

describe("weak Argon2id parameters become this build's", () => {
  const stronger = { ...TEST_KDF, memoryKiB: 16 * 1024, iterations: 2 };

  it('when the passphrase opens the file (an old file, a restored backup): once, same key', async () => {
    const { vault: file, dataKey } = await createVault(PASS, TEST_KDF);
    const { disk, keys, vault } = laptop(file, stronger);
    await vault.unlock(PASS, false);
    const upgraded = disk.saved as VaultFile;
    expect(upgraded.kdf).toMatchObject({ memoryKiB: 16 * 1024, iterations: 2, parallelism: 1 });
    expect(upgraded.kdf.salt).not.toBe(file.kdf.salt);
    expect(upgraded.recoveryWrap).toEqual(file.recoveryWrap);
    expect(keys).toEqual([dataKey]);

    // The next unlock opens the upgraded file and writes nothing new.
    const again = laptop(upgraded, stronger);
    await again.vault.unlock(PASS, false);
    expect(again.disk.saved).toEqual(upgraded);
  });

  it('when the recovery key sets a new passphrase', async () => {
    const { vault: file, recoveryKey } = await createVault(PASS, TEST_KDF);
    const { disk, vault } = laptop(file, stronger);
    await vault.recover(recoveryKey, NEXT);
    expect((disk.saved as VaultFile).kdf).toMatchObject({ memoryKiB: 16 * 1024, iterations: 2 });
  });

  it('never past the bounds: a 1 GiB file keeps to the passes memory x passes allows', () => {
    const big = { ...TEST_KDF, memoryKiB: GiB, iterations: 1 };
    const next = upgradedKdf(big, { ...TEST_KDF, iterations: 8 });
    expect(next).toMatchObject({ memoryKiB: GiB, iterations: 4 });
    expect(kdfSchema.safeParse({ ...next, salt: 'AAAA' }).success).toBe(true);
    expect(isWeaker(DEFAULT_KDF, DEFAULT_KDF)).toBe(false);
    expect(upgradedKdf(DEFAULT_KDF, TEST_KDF)).toEqual(DEFAULT_KDF);
  });
});
