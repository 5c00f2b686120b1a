import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HostClient } from '../../../../shared/contract/host';
import type { UnlockReport } from '../../../../shared/contract/storeControl';
import type { VaultStatus } from '../../../../shared/contract/vault';

export interface VaultState {
  status: VaultStatus | null;
  error: unknown;
  /** Shown once after creation, until the user confirms they saved it. */
  pendingRecoveryKey: string | null;
  /** The last unlock's report (damaged pages are shown as a banner). */
  report: UnlockReport | null;
  refresh(): Promise<void>;
  opened(report: UnlockReport): void;
  /** Damaged pages found after the unlock's report (the history opens after the list). */
  moreDamage(damaged: UnlockReport['damaged']): void;
  created(recoveryKey: string, report: UnlockReport): void;
  /** The user proved they kept the key: the host records it, the screen goes away. */
  recoveryKeySaved(): Promise<void>;
  /** A new recovery key was made (Security): shown and confirmed like the first one. */
  newRecoveryKey(recoveryKey: string): void;
}

export type VaultStore = StoreApi<VaultState>;

export function createVaultStore(host: HostClient): VaultStore {
  const store = createStore<VaultState>((set) => ({
    status: null,
    error: null,
    pendingRecoveryKey: null,
    report: null,
    async refresh() {
      try {
        set({ status: await host.send('vault.status', {}), error: null });
      } catch (error) {
        set({ error });
      }
    },
    opened(report) {
      set({ report });
    },
    moreDamage(damaged) {
      set(({ report }) => {
        if (!report) return {};
        // A restore's report already names the pages its backup's manifest misses: once each.
        const known = new Set(report.damaged.map((page) => page.pageId));
        const added = damaged.filter((page) => !known.has(page.pageId));
        return { report: { ...report, damaged: [...report.damaged, ...added] } };
      });
    },
    created(recoveryKey, report) {
      set({ pendingRecoveryKey: recoveryKey, report });
    },
    async recoveryKeySaved() {
      set({ pendingRecoveryKey: null });
      try {
        await host.send('vault.recoveryKeySaved', {});
      } catch (error) {
        set({ error });
      }
    },
    newRecoveryKey(recoveryKey) {
      set({ pendingRecoveryKey: recoveryKey });
    },
  }));
  // The host pushes every change (unlock, lock, auto-lock, system sleep).
  host.on('vault.changed', (status) => store.setState({ status }));
  return store;
}
