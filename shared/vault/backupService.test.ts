import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { BACKUP_MAGIC, decodeBackup, encodeBackup, type StoredPage } from './backupFile';
import { BackupService, type SealedPages } from './backupService';
import type { Bytes } from './bytes';
import { restoreKeyCheck } from './restoreKeyCheck';
import { TEST_KDF } from './testKdf';
import type { VaultFile } from './vaultFile';
import { VaultService, type StoreGate, type VaultStorage } from './vaultService';

const PASS = 'Vélo rouge, quai Saint-Antoine 1987!';
const OTHER = 'un autre vélo, bleu cette fois 2027';

/** One device: its vault file, its store (pages and the key it was opened with). */
function device(name: string) {
  let saved: unknown = null;
  const storage: VaultStorage = {
    read: async () => saved,
    write: async (v: VaultFile) => void (saved = structuredClone(v)),
  };
  const state = {
    pages: [] as StoredPage[],
    pending: null as { pages: StoredPage[]; keyCheck: string } | null,
    key: null as Bytes | null,
    locked: 0,
  };
  const store: StoreGate = {
    unlock: async (key) => {
      state.key = key.slice();
      // As the store does (pendingRestore): staged pages become the file's under their key only.
      if (state.pending?.keyCheck === (await restoreKeyCheck(key)))
        state.pages = state.pending.pages;
      state.pending = null;
      return { customers: state.pages.reduce((n, p) => n + p.count, 0), damaged: [] };
    },
    lock: async () => {
      state.key = null;
      state.locked++;
    },
  };
  const pages: SealedPages & { failNext?: boolean } = {
    read: async () => ({ pages: structuredClone(state.pages), manifest: null }),
    stage: async (next, keyCheck) => {
      if (state.key) throw new AppError('CONFLICT', 'unlocked');
      state.pending = { pages: structuredClone(next.pages), keyCheck };
    },
  };
  const vault = new VaultService({ storage, store, kdf: TEST_KDF, now: () => 1_700_000_000_000 });
  const backups = new BackupService(vault, pages, {
    appVersion: '1.2.3',
    now: () => 1_764_680_700_000,
  });
  return { name, vault, backups, state, storage, saved: () => saved as VaultFile | null };
}

function page(id: string, table: string, count: number, fill: number): StoredPage {
  return {
    id,
    table,
    count,
    updatedAt: 5,
    iv: new Uint8Array(12).fill(fill),
    data: new Uint8Array(40 + fill).fill(fill + 1),
  };
}

let laptop: ReturnType<typeof device>;

beforeEach(async () => {
  laptop = device('laptop');
  await laptop.vault.create(PASS);
  laptop.state.pages = [page('p1', 'customers', 500, 1), page('p2', 'purchases', 30, 2)];
});

describe('backup file', () => {
  it('keeps every page byte for byte, and the vault without what only this device opens', async () => {
    const made = await laptop.backups.make();
    expect(made.name).toMatch(/^comptoir-\d{4}-\d\d-\d\d-\d{4}\.comptoir-backup$/);
    expect(made.records).toEqual({ customers: 500, purchases: 30 });
    const read = decodeBackup(made.bytes);
    expect(read.pages).toEqual(laptop.state.pages);
    expect(read.appVersion).toBe('1.2.3');
    expect(read.vault.passphraseWrap).toEqual(laptop.saved()!.passphraseWrap);
    expect(read.vault.throttle).toBeUndefined();
    expect(read.vault.keychainWrap).toBeUndefined();
    // Nothing of a record is in clear: the file holds the sealed bytes only.
    expect(new TextDecoder().decode(made.bytes.subarray(0, 16))).toBe(BACKUP_MAGIC);
  });

  it('refuses a file that is not a backup, or is cut or padded, saying where', async () => {
    const { bytes } = await laptop.backups.make();
    const refusal = (b: Uint8Array) => {
      try {
        decodeBackup(b);
        return null;
      } catch (e) {
        return e instanceof AppError ? { code: e.code, message: e.message } : e;
      }
    };
    expect(refusal(new TextEncoder().encode('Nom;Prénom\nDupont;Luc'))).toEqual({
      code: 'BAD_FILE',
      message: 'This file is not a Comptoir backup',
    });
    expect(refusal(bytes.subarray(0, 30))).toMatchObject({ message: /description is incomplete/ });
    expect(refusal(bytes.subarray(0, bytes.length - 3))).toMatchObject({
      message: 'The backup is cut short in page p2',
    });
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes);
    expect(refusal(padded)).toMatchObject({ message: /bytes after its last page/ });
    // A description that says something else than a backup's (here: no vault).
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + readLength(bytes))));
    delete header.vault;
    expect(refusal(withHeader(bytes, header))).toMatchObject({
      message: 'The backup description is damaged at vault',
    });
  });
});

describe('restore', () => {
  it('into an empty profile on another laptop: the same pages, opened with the same key', async () => {
    const { bytes } = await laptop.backups.make();
    const other = device('other');
    const preview = await other.backups.preview(bytes, PASS);
    expect(preview).toEqual({
      createdAt: 1_764_680_700_000,
      appVersion: '1.2.3',
      records: { customers: 500, purchases: 30 },
      // This stand-in store keeps no manifest: the counts are the pages' own, unverified.
      verified: false,
      damaged: [],
      replacesFile: false,
      sameFile: false,
    });
    expect(other.state.pages).toEqual([]); // a preview changes nothing
    const report = await other.backups.restore(bytes, PASS);
    expect(report.customers).toBe(530);
    expect(other.state.pages).toEqual(laptop.state.pages);
    // The key the store got is the laptop's data key: the pages open there as they did here.
    await laptop.vault.lock();
    await laptop.vault.unlock(PASS, false);
    expect(other.state.key).toEqual(laptop.state.key);
    expect((await other.vault.status()).state).toBe('unlocked');
    // From now on the backup's passphrase opens this laptop's file.
    await other.vault.lock();
    await expect(other.vault.unlock(PASS, false)).resolves.toMatchObject({ customers: 530 });
  });

  it('from a backup made before schema v5: its pages come back without their blind indexes', async () => {
    const { bytes } = await laptop.backups.make();
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + readLength(bytes))));
    expect(header.pages[0]).not.toHaveProperty('emailIndex'); // written no more
    for (const entry of header.pages)
      Object.assign(entry, { emailIndex: ['9f2c'], phoneIndex: [] });
    const old = withHeader(bytes, header);
    const other = device('other');
    await expect(other.backups.preview(old, PASS)).resolves.toMatchObject({
      records: { customers: 500, purchases: 30 },
    });
    expect((await other.backups.restore(old, PASS)).customers).toBe(530);
    expect(other.state.pages).toEqual(laptop.state.pages);
    expect(other.state.pages[0]).not.toHaveProperty('emailIndex');
  });

  it('over a file: says it replaces it, then the file is the backup again (later work is gone)', async () => {
    const { bytes } = await laptop.backups.make();
    laptop.state.pages = [...laptop.state.pages, page('p3', 'customers', 7, 3)];
    const preview = await laptop.backups.preview(bytes, PASS);
    expect(preview).toMatchObject({ replacesFile: true, sameFile: true });
    await laptop.backups.restore(bytes, PASS);
    expect(laptop.state.pages.map((p) => p.id)).toEqual(['p1', 'p2']);
  });

  it('with a wrong passphrase: refused, nothing changed', async () => {
    const { bytes } = await laptop.backups.make();
    const other = device('other');
    await other.vault.create(OTHER);
    other.state.pages = [page('mine', 'customers', 3, 9)];
    const vaultBefore = other.saved();
    for (const attempt of [
      () => other.backups.preview(bytes, OTHER),
      () => other.backups.restore(bytes, OTHER),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'WRONG_SECRET' });
    }
    expect(other.state.pages.map((p) => p.id)).toEqual(['mine']);
    expect(other.saved()).toEqual(vaultBefore);
    expect((await other.vault.status()).state).toBe('unlocked');
  });

  it('puts the pages that were here back when the new vault cannot be written', async () => {
    const { bytes } = await laptop.backups.make();
    const other = device('other');
    await other.vault.create(OTHER);
    other.state.pages = [page('mine', 'customers', 3, 9)];
    other.storage.write = async () => {
      throw new Error('disk full');
    };
    await expect(other.backups.restore(bytes, PASS)).rejects.toThrow('disk full');
    expect(other.state.pages.map((p) => p.id)).toEqual(['mine']);
    expect(other.saved()!.passphraseWrap).not.toEqual(decodeBackup(bytes).vault.passphraseWrap);
  });

  it('refuses to back up before a file exists', async () => {
    await expect(device('new').backups.make()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

function readLength(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(16, true);
}

function withHeader(bytes: Uint8Array, header: unknown): Uint8Array {
  const length = readLength(bytes);
  const body = bytes.subarray(20 + length);
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(20 + headerBytes.length + body.length);
  out.set(bytes.subarray(0, 16));
  new DataView(out.buffer).setUint32(16, headerBytes.length, true);
  out.set(headerBytes, 20);
  out.set(body, 20 + headerBytes.length);
  return out;
}

// encodeBackup is exercised through make(); a page with empty data must survive too.
it('keeps a page with no data bytes', () => {
  const vault = decodeBackup(
    encodeBackup({
      createdAt: 1,
      appVersion: 'x',
      vault: {
        format: 'comptoir-vault',
        version: 1,
        createdAt: 1,
        kdf: { ...TEST_KDF, salt: 'AAAA' },
        passphraseWrap: { iv: 'AAAA', ciphertext: 'AAAA' },
        recoveryWrap: { iv: 'AAAA', ciphertext: 'AAAA', salt: 'AAAA' },
      },
      pages: [{ ...page('e', 'settings', 0, 1), data: new Uint8Array(0) }],
    }),
  );
  expect(vault.pages[0]!.data.length).toBe(0);
});
