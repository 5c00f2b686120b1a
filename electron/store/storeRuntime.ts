import type { UnlockReport } from '../../shared/contract/storeControl';
import { AppError } from '../../shared/errors';
import { wipe, type Bytes } from '../../shared/vault/bytes';
import { PageCipher } from './crypto/pageCipher';
import type { PageCodec } from './crypto/pageCodec';
import type { CustomerStore } from './customers/customerStore';
import type { ComptoirDatabase } from './db/database';
import { Session } from './session';

export type CodecFactory = (dataKey: Bytes) => Promise<PageCodec>;

export const encryptedCodec: CodecFactory = (dataKey) => PageCipher.fromDataKey(dataKey);

/**
 * The store's two states: locked (no key, nothing decrypted in memory) and unlocked (a
 * session holding the derived keys and the decrypted working set).
 */
export class StoreRuntime {
  private session: Session | null = null;

  constructor(
    readonly db: ComptoirDatabase,
    private readonly codecFor: CodecFactory = encryptedCodec,
  ) {}

  get unlocked(): boolean {
    return this.session !== null;
  }

  /** Opens the file with `dataKey`, then overwrites the caller's copy of it. */
  async unlock(dataKey: Bytes): Promise<UnlockReport> {
    let codec: PageCodec;
    try {
      codec = await this.codecFor(dataKey);
    } finally {
      wipe(dataKey);
    }
    const { session, damaged } = await Session.open(this.db, codec);
    await this.moveClearRowsIntoPages(session.customers);
    this.session = session;
    return { customers: session.customers.count, damaged };
  }

  lock(): void {
    this.session?.clear();
    this.session = null;
  }

  customers(): CustomerStore {
    return this.file().customers;
  }

  /** The unlocked file; LOCKED when there is none. */
  file(): Session {
    if (!this.session) throw new AppError('LOCKED', 'The customer file is locked');
    return this.session;
  }

  /** Schema v1 kept customers in clear: seal them into pages, then delete the clear rows. */
  private async moveClearRowsIntoPages(store: CustomerStore): Promise<void> {
    const clear = await this.db.customers.toArray();
    if (clear.length === 0) return;
    // Same ids: if the process dies between the two steps, the next unlock redoes it harmlessly.
    await store.adopt(clear);
    await this.db.customers.clear();
  }
}
