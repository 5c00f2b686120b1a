import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { formatRecoveryKey, parseRecoveryKey } from './recoveryKey';
import { judgePassphrase } from './passphrasePolicy';
import { vaultFileSchema } from './vaultFile';
import {
  createVault,
  rewrapPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from './vaultKeys';
import { TEST_KDF as FAST } from './testKdf';

// Small Argon2id cost so the suite stays fast; the real default is checked separately.
const PASS = 'correct horse battery staple';

describe('vault keys', () => {
  it('wraps a random data key that only the passphrase or the recovery key unwraps', async () => {
    const { vault, dataKey, recoveryKey } = await createVault(PASS, FAST);
    expect(vaultFileSchema.parse(vault)).toEqual(vault);
    expect(dataKey).toHaveLength(32);
    expect(JSON.stringify(vault)).not.toContain(Buffer.from(dataKey).toString('base64'));
    expect(await unlockWithPassphrase(vault, PASS)).toEqual(dataKey);
    expect(await unlockWithRecoveryKey(vault, recoveryKey)).toEqual(dataKey);
    expect(
      await unlockWithRecoveryKey(vault, recoveryKey.toLowerCase().replace(/-/g, ' ')),
    ).toEqual(dataKey);
  });

  it('refuses a wrong passphrase or recovery key with WRONG_SECRET', async () => {
    const { vault, recoveryKey } = await createVault(PASS, FAST);
    const wrong = await unlockWithPassphrase(vault, PASS + '!').catch((e) => e);
    expect(wrong).toBeInstanceOf(AppError);
    expect(wrong).toMatchObject({ code: 'WRONG_SECRET', details: { what: 'passphrase' } });
    const flipped = recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await expect(unlockWithRecoveryKey(vault, flipped)).rejects.toMatchObject({
      code: 'WRONG_SECRET',
    });
    await expect(unlockWithRecoveryKey(vault, 'not a key')).rejects.toMatchObject({
      code: 'WRONG_SECRET',
    });
  });

  it('detects a tampered wrap', async () => {
    const { vault } = await createVault(PASS, FAST);
    const bytes = Buffer.from(vault.passphraseWrap.ciphertext, 'base64');
    bytes[0]! ^= 1;
    const tampered = {
      ...vault,
      passphraseWrap: { ...vault.passphraseWrap, ciphertext: bytes.toString('base64') },
    };
    await expect(unlockWithPassphrase(tampered, PASS)).rejects.toMatchObject({
      code: 'WRONG_SECRET',
    });
    // Moving the recovery wrap into the passphrase slot does not work either (bound by AAD).
    const swapped = {
      ...vault,
      passphraseWrap: { iv: vault.recoveryWrap.iv, ciphertext: vault.recoveryWrap.ciphertext },
    };
    await expect(unlockWithPassphrase(swapped, PASS)).rejects.toMatchObject({
      code: 'WRONG_SECRET',
    });
  });

  it('changing the passphrase re-wraps the same key; the old one stops working, recovery still works', async () => {
    const { vault, dataKey, recoveryKey } = await createVault(PASS, FAST);
    const next = await rewrapPassphrase(vault, dataKey, 'a whole new sentence for 2027');
    expect(next.recoveryWrap).toEqual(vault.recoveryWrap);
    expect(next.kdf.salt).not.toBe(vault.kdf.salt);
    expect(await unlockWithPassphrase(next, 'a whole new sentence for 2027')).toEqual(dataKey);
    await expect(unlockWithPassphrase(next, PASS)).rejects.toMatchObject({ code: 'WRONG_SECRET' });
    expect(await unlockWithRecoveryKey(next, recoveryKey)).toEqual(dataKey);
  });

  it('recovery: unwrap with the recovery key, then set a new passphrase', async () => {
    const { vault, recoveryKey } = await createVault(PASS, FAST);
    const key = await unlockWithRecoveryKey(vault, recoveryKey);
    const next = await rewrapPassphrase(vault, key, 'forgot the old one, new one now');
    expect(await unlockWithPassphrase(next, 'forgot the old one, new one now')).toEqual(key);
  });

  it('uses the default Argon2id cost (64 MiB, 3 passes) unless told otherwise', async () => {
    const { vault } = await createVault(PASS);
    expect(vault.kdf).toMatchObject({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
  });
});

describe('recovery key text', () => {
  it('formats 160 bits as 8 groups of 4 and reads it back, forgiving O/0 and I/1', () => {
    const bytes = new Uint8Array(20).map((_, i) => i * 13);
    const text = formatRecoveryKey(bytes);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(text)).toEqual(bytes);
    expect(parseRecoveryKey(text.replace(/0/g, 'o').replace(/1/g, 'i'))).toEqual(bytes);
    expect(parseRecoveryKey(text.slice(0, -1))).toBeNull();
    expect(parseRecoveryKey(text.slice(0, -1) + 'U')).toBeNull();
  });
});

describe('passphrase policy', () => {
  it('refuses short or guessable passphrases with the reason', () => {
    expect(judgePassphrase('azerty123')).toMatchObject({ acceptable: false });
    expect(judgePassphrase('azerty123').problems).toContain('tooShort');
    const common = judgePassphrase('motdepasse1234');
    expect(common.acceptable).toBe(false);
    expect(common.problems.length).toBeGreaterThan(0);
    expect(judgePassphrase('comptoircomptoir').acceptable).toBe(false);
  });

  it('accepts a long, unusual passphrase', () => {
    const verdict = judgePassphrase('Vélo rouge, quai Saint-Antoine 1987!');
    expect(verdict).toMatchObject({ acceptable: true, problems: [] });
    expect(verdict.score).toBeGreaterThanOrEqual(3);
  });
});
