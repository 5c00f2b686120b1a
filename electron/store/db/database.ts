import Dexie, { type EntityTable } from 'dexie';
import type { Customer } from '../../../shared/domain/customer';
import { applyV1 } from './versions/v1';

export const DEFAULT_DB_NAME = 'comptoir';

export type ComptoirDatabase = Dexie & {
  customers: EntityTable<Customer, 'id'>;
};

/** Opens the customer file; every schema version is applied in order. */
export function openDatabase(name = DEFAULT_DB_NAME): ComptoirDatabase {
  const db = new Dexie(name) as ComptoirDatabase;
  applyV1(db);
  return db;
}
