import Dexie, { type EntityTable } from 'dexie';
import type { StoredPage } from '../../../shared/vault/backupFile';
import { applyV1 } from './versions/v1';
import { applyV2 } from './versions/v2';
import { applyV3 } from './versions/v3';
import { applyV4 } from './versions/v4';
import { applyV5 } from './versions/v5';

export const DEFAULT_DB_NAME = 'comptoir';

/** One encrypted page of records (the shape a backup carries too: see StoredPage). */
export type PageRow = StoredPage;

/** A page that failed authentication when loading: kept aside, never silently deleted. */
export interface QuarantineRow extends PageRow {
  quarantinedAt: number;
  reason: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export type ComptoirDatabase = Dexie & {
  pages: EntityTable<PageRow, 'id'>;
  /** v4: a restore's pages, until the key that opens them is the file's (backup/pendingRestore). */
  pendingPages: EntityTable<PageRow, 'id'>;
  quarantine: EntityTable<QuarantineRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

/** Opens the customer file; every schema version is applied in order. */
export function openDatabase(name = DEFAULT_DB_NAME): ComptoirDatabase {
  const db = new Dexie(name) as ComptoirDatabase;
  applyV1(db);
  applyV2(db);
  applyV3(db);
  applyV4(db);
  applyV5(db);
  return db;
}
