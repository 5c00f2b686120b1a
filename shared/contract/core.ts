import type { Client } from '../rpc/client';
import type { VaultStatus } from './vault';
import type { DamagedPage } from './storeControl';
import type { HandlersOf } from './define';
import { customersContract, type CustomersChange } from './customers';
import { demoContract } from './demo';
import { historyContract } from './history';
import { exportsContract } from './exports';
import { importsContract } from './imports';
import { kpiContract } from './kpi';
import { rfmContract } from './rfm';
import { segmentsContract } from './segments';
import { systemContract } from './system';

/** Everything the store serves to the UI: the union of the domain contracts. */
export const coreContract = {
  ...systemContract,
  ...customersContract,
  ...historyContract,
  ...demoContract,
  ...importsContract,
  ...exportsContract,
  ...segmentsContract,
  ...kpiContract,
  ...rfmContract,
};

export type CoreContract = typeof coreContract;
export type CoreHandlers = HandlersOf<CoreContract>;

/** Events the store pushes to the UI. */
export interface CoreEvents {
  [event: string]: unknown;
  'customers.changed': CustomersChange;
  /** Pages of the history found damaged after the unlock's report (it opens after the list). */
  'store.damaged': { damaged: DamagedPage[] };
  /** Browser mode only: the vault lives in the store worker and pushes its state from there. */
  'vault.changed': VaultStatus;
}

export type CoreClient = Client<CoreContract, CoreEvents>;
