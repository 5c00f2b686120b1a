import type {
  DateOrder,
  DuplicatePolicy,
  ImportKind,
  MatchKey,
} from '../../../shared/contract/imports';
import type { Settings } from '../../../shared/domain/settings';
import type { CustomerStore } from '../customers/customerStore';
import type { ComptoirDatabase } from '../db/database';
import type { HistoryStore } from '../history/historyStore';

/** One import run (or its preview): the staged file and the user's choices for it. */
export interface ImportRun {
  fileId: string;
  /** Customers by default. */
  what?: ImportKind;
  mapping: (string | null)[];
  dateOrder: DateOrder;
  policy: DuplicatePolicy;
  matchOn: MatchKey[];
}

/** What customer and order imports both write through. */
export interface ImportDeps {
  db: ComptoirDatabase;
  customers: CustomerStore;
  history: HistoryStore;
  settings: () => Settings;
  now: () => number;
  newId: () => string;
}
