import { describe, expect, it } from 'vitest';
import { customerInputSchema } from '../../../shared/domain/customer';
import { decodeBackup, encodeBackup, type BackupContents } from '../../../shared/vault/backupFile';
import { BackupService } from '../../../shared/vault/backupService';
import { TEST_KDF } from '../../../shared/vault/testKdf';
import { unlockWithPassphrase } from '../../../shared/vault/vaultKeys';
import { PageCipher } from '../crypto/pageCipher';
import { openDatabase } from '../db/database';
import { readManifest } from '../pages/manifestRow';
import { PAGE_CAPACITY } from '../pages/recordPages';
import { StoreRuntime, encryptedCodec } from '../storeRuntime';
import { createBrowserVault } from '../vault/browserVault';
import { sealedPages } from './sealedPages';

const PASS = 'Vélo rouge, quai Saint-Antoine 1987!';

/** One profile as browser mode has it: the store, its vault and its backups, on a real store. */
function profile() {
  const runtime = new StoreRuntime(openDatabase(`backup-${crypto.randomUUID()}`), encryptedCodec);
  const vault = createBrowserVault(runtime, () => undefined, { kdf: TEST_KDF });
  const backups = new BackupService(vault, sealedPages(runtime), { appVersion: 'test' });
  return { runtime, vault, backups, db: runtime.db };
}

const customers = (count: number) =>
  Array.from({ length: count }, (_, i) => customerInputSchema.parse({ lastName: `Client ${i}` }));

/** A file of PAGE_CAPACITY + 20 customers on two pages; `older` is a backup made before an edit. */
async function laptop() {
  const here = profile();
  await here.vault.create(PASS);
  const made = await here.runtime.customers().createMany(customers(PAGE_CAPACITY + 20));
  const older = decodeBackup((await here.backups.make()).bytes);
  const last = made.at(-1)!;
  await here.runtime.file().updateCustomer(last.id, { city: 'Lyon' }, last.version);
  const current = decodeBackup((await here.backups.make()).bytes);
  return { here, older, current };
}

const withPages = (backup: BackupContents, pages: BackupContents['pages']) =>
  encodeBackup({ ...backup, pages });
const SECOND = `customers/${String(1).padStart(6, '0')}`;

describe('a backup carries the sealed manifest; preview and restore check its pages', async () => {
  const { older, current } = await laptop();

  it('an honest backup: counts from the verified manifest, nothing damaged, restored whole', async () => {
    expect(current.manifest).not.toBeNull();
    const other = profile();
    const preview = await other.backups.preview(encodeBackup(current), PASS);
    expect(preview).toMatchObject({
      records: { customers: PAGE_CAPACITY + 20 },
      verified: true,
      damaged: [],
    });
    const report = await other.backups.restore(encodeBackup(current), PASS);
    expect(report).toEqual({ customers: PAGE_CAPACITY + 20, damaged: [] });
  });

  it('a page removed from the backup is seen at preview (counts are the manifest’s) and at restore', async () => {
    const bytes = withPages(
      current,
      current.pages.filter((p) => p.id !== SECOND),
    );
    const other = profile();
    const preview = await other.backups.preview(bytes, PASS);
    // The manifest says what the backup should hold, whatever the pages' clear rows say.
    expect(preview.records.customers).toBe(PAGE_CAPACITY + 20);
    expect(preview.verified).toBe(true);
    expect(preview.damaged).toEqual([{ pageId: SECOND, count: 20, reason: 'missing' }]);
    const report = await other.backups.restore(bytes, PASS);
    expect(report).toEqual({
      customers: PAGE_CAPACITY,
      damaged: [{ pageId: SECOND, count: 20, reason: 'missing' }],
    });
  });

  it('a page rolled back to an older sealed copy is seen at preview and set aside at restore', async () => {
    const stale = older.pages.find((p) => p.id === SECOND)!;
    const bytes = withPages(
      current,
      current.pages.map((p) => (p.id === SECOND ? stale : p)),
    );
    const other = profile();
    const preview = await other.backups.preview(bytes, PASS);
    expect(preview.damaged).toEqual([{ pageId: SECOND, count: 20, reason: 'outdated' }]);
    const report = await other.backups.restore(bytes, PASS);
    expect(report).toEqual({
      customers: PAGE_CAPACITY,
      damaged: [{ pageId: SECOND, count: 20, reason: 'outdated' }],
    });
    expect(await other.db.quarantine.count()).toBe(1);
  });

  it('a clear count raised in the backup does not change the preview’s counts', async () => {
    const bytes = withPages(
      current,
      current.pages.map((p) => (p.id === SECOND ? { ...p, count: 9999 } : p)),
    );
    const preview = await profile().backups.preview(bytes, PASS);
    expect(preview.records.customers).toBe(PAGE_CAPACITY + 20);
    expect(preview.damaged).toEqual([{ pageId: SECOND, count: 9999, reason: 'altered' }]);
  });

  it('a backup from before manifests restores, its counts marked unverified; the file gets a manifest', async () => {
    // As such a backup was: pages sealed as `table/id`, without versions, and no manifest.
    const cipher = await PageCipher.fromDataKey(await unlockWithPassphrase(current.vault, PASS));
    const pages = [];
    for (const page of current.pages) {
      const records = await cipher.open(page.table, page.id, page, page.version);
      const { version: _version, ...old } = page;
      pages.push({ ...old, ...(await cipher.seal(page.table, page.id, records)) });
    }
    const bytes = encodeBackup({ ...current, pages, manifest: null });
    const other = profile();
    const preview = await other.backups.preview(bytes, PASS);
    expect(preview).toMatchObject({
      records: { customers: PAGE_CAPACITY + 20 },
      verified: false,
      damaged: [],
    });
    expect(await other.backups.restore(bytes, PASS)).toEqual({
      customers: PAGE_CAPACITY + 20,
      damaged: [],
    });
    expect(await readManifest(other.db)).not.toBeNull();
  });

  it('a backup whose manifest was stripped (its pages have versions) says so at restore', async () => {
    const bytes = encodeBackup({ ...current, manifest: null });
    const other = profile();
    expect((await other.backups.preview(bytes, PASS)).verified).toBe(false);
    expect(await other.backups.restore(bytes, PASS)).toEqual({
      customers: PAGE_CAPACITY + 20,
      damaged: [{ pageId: 'manifest', count: 0, reason: 'manifest' }],
    });
  });
});
