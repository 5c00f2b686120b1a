import { DEFAULT_LIST_SORT } from '../../shared/contract/customers';
import type { Customer } from '../../shared/domain/customer';
import type { DamagedPage, UnlockReport } from '../../shared/contract/storeControl';
import { AppError } from '../../shared/errors';
import { wipe, type Bytes } from '../../shared/vault/bytes';
import { manifestKey as pageManifestKey } from '../../shared/vault/pageManifest';
import { restoreKeyCheck } from '../../shared/vault/restoreKeyCheck';
import { settleRestore } from './backup/pendingRestore';
import { PageCipher } from './crypto/pageCipher';
import type { PageCodec } from './crypto/pageCodec';
import type { CustomerStore } from './customers/customerStore';
import type { ComptoirDatabase } from './db/database';
import { FIRST_SCHEMA_CUSTOMERS } from './db/versions/v5';
import { ifCurrent, readSnapshot, type PageSnapshot } from './pages/pageSnapshot';
import { Session, UNLOCK_TABLES } from './session';

export type CodecFactory = (dataKey: Bytes) => Promise<PageCodec>;

export const encryptedCodec: CodecFactory = (dataKey) => PageCipher.fromDataKey(dataKey);

/**
 * The store's two states: locked (no key, nothing decrypted in memory) and unlocked (a
 * session holding the derived keys and the decrypted working set).
 */
/** User Timing mark in the store's thread once the file is fully open (detail: ms since unlock). */
export const FILE_OPEN_MARK = 'comptoir:file-open';

/** After an unlock: when the saved segments' sizes of the day are written down. */
const SEGMENT_SIZES_DELAY_MS = 5000;

export class StoreRuntime {
  private session: Session | null = null;
  /** Pages of the history (opened after the unlock's reply) that could not be opened. */
  onLateDamage: (pages: DamagedPage[]) => void = () => undefined;
  /** The sealed pages, read while locked so that an unlock only has to decrypt them. */
  private readAhead: Promise<PageSnapshot | null> | null = null;

  constructor(
    readonly db: ComptoirDatabase,
    private readonly codecFor: CodecFactory = encryptedCodec,
  ) {
    this.startReadAhead();
  }

  get unlocked(): boolean {
    return this.session !== null;
  }

  /** Opens the file with `dataKey`, then overwrites the caller's copy of it. */
  async unlock(dataKey: Bytes): Promise<UnlockReport> {
    const started = performance.now();
    let codec: PageCodec;
    let keyCheck: string;
    let manifestKey: CryptoKey;
    try {
      keyCheck = await restoreKeyCheck(dataKey);
      codec = await this.codecFor(dataKey);
      manifestKey = await pageManifestKey(dataKey);
    } finally {
      wipe(dataKey);
    }
    // A restore cut off before its key was written is dropped; after it, it is completed.
    await settleRestore(this.db, keyCheck);
    const snapshot = await ifCurrent(this.db, await this.takeReadAhead());
    let openHistory = () => {};
    const historyAfter = new Promise<void>((resolve) => (openHistory = resolve));
    const { session, damaged, historyDamaged } = await Session.open(this.db, codec, {
      snapshot,
      historyAfter,
      manifestKey,
    });
    await this.moveClearRowsIntoPages(session.customers);
    this.session = session;
    // Once this reply is sent: the list's first rows, computed while the UI draws itself, then
    // the search index (about 2 s at 100k, in slices that let calls through).
    setTimeout(() => {
      if (this.session !== session) return openHistory();
      session.customers.firstPage(DEFAULT_LIST_SORT);
      // Then the purchase history (1M lines: seconds of reading), once the search is ready:
      // what the counter needs first. Both work in slices that let the list's calls through.
      // (Locked meanwhile, the history stops at once and what waited for it is answered.)
      void session.customers.startWarming().finally(openHistory);
    }, 0);
    // Today's size of each saved segment, once the list and search are ready, so that the
    // size history has a point for every day the file was open (the Segments page also
    // writes it). A failure here is retried by that page; it must not disturb the unlock.
    setTimeout(() => {
      if (this.session === session) session.segments.list().catch(() => undefined);
    }, SEGMENT_SIZES_DELAY_MS);
    historyDamaged.then(
      (pages) => {
        // For the bench (read from this worker by Playwright): when the file is fully open.
        if (this.session !== session) return;
        if (pages.length > 0) this.onLateDamage(pages);
        // Then what the segments' first count would build; the file is then fully open.
        session.segments
          .prepare()
          .catch(() => undefined)
          .finally(() =>
            // For the bench (read from this worker by Playwright): when the file is fully open.
            performance.mark(FILE_OPEN_MARK, { detail: performance.now() - started }),
          );
      },
      // Unreadable pages are reported above; a failure to read at all reaches every call
      // that waits for the history.
      () => undefined,
    );
    return { customers: session.customers.count, damaged };
  }

  lock(): void {
    this.session?.clear();
    this.session = null;
    this.startReadAhead();
  }

  /** Ciphertext only: nothing here is readable before the key arrives. */
  private startReadAhead(): void {
    // A failed read is not an error here: the unlock reads the pages itself.
    this.readAhead = readSnapshot(this.db, UNLOCK_TABLES).catch(() => null);
  }

  private async takeReadAhead(): Promise<PageSnapshot | null> {
    const pending = this.readAhead;
    this.readAhead = null;
    return pending;
  }

  customers(): CustomerStore {
    return this.file().customers;
  }

  /** The unlocked file; LOCKED when there is none. */
  file(): Session {
    if (!this.session) throw new AppError('LOCKED', 'The customer file is locked');
    return this.session;
  }

  /** Schema v1 kept customers in clear (v5 holds them in meta): seal them, then delete them. */
  private async moveClearRowsIntoPages(store: CustomerStore): Promise<void> {
    const clear = (await this.db.meta.get(FIRST_SCHEMA_CUSTOMERS))?.value;
    if (!Array.isArray(clear)) return;
    // Same ids: if the process dies between the two steps, the next unlock redoes it harmlessly.
    await store.adopt(clear as Customer[]);
    await this.db.meta.delete(FIRST_SCHEMA_CUSTOMERS);
  }
}
