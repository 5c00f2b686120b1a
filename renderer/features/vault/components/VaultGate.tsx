import { useDashboardFilters } from '../../dashboard/stores/dashboardFilters';
import { useEffect, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { listScroll, useListViewStore } from '../../customers/stores/listViewStore';
import { clearUserTiming } from '../../../app/benchMark';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';
import { useAutoLock } from '../hooks/useAutoLock';
import { CreateVaultScreen } from './CreateVaultScreen';
import { RecoveryKeyScreen } from './RecoveryKeyScreen';
import { UnlockScreen } from './UnlockScreen';

/** Shows the app only while the file is unlocked; otherwise the first-run or unlock screen. */
export function VaultGate({ children }: { children: ReactNode }) {
  const t = useT();
  const { host, vault, customerList, fileSettings } = useServices();
  const status = useStore(vault, (s) => s.status);
  const pendingRecoveryKey = useStore(vault, (s) => s.pendingRecoveryKey);
  const triedRemembered = useRef(false);
  const unlocked = status?.state === 'unlocked';

  useEffect(() => {
    void vault.getState().refresh();
  }, [vault]);

  // A device that remembers the file opens it through the keychain, once per start.
  useEffect(() => {
    if (status?.state !== 'locked' || !status.remembered || triedRemembered.current) return;
    triedRemembered.current = true;
    host.send('vault.unlockRemembered', {}).then(
      (report) => vault.getState().opened(report),
      () => void vault.getState().refresh(),
    );
  }, [host, vault, status]);

  // Nothing decrypted stays in the UI once the file is locked.
  useEffect(() => {
    if (!unlocked) {
      customerList.getState().reset();
      fileSettings.getState().reset();
      useListViewStore.getState().openCustomer(null);
      useListViewStore.getState().clearSelection();
      listScroll.top = 0;
      useDashboardFilters.getState().reset();
      clearUserTiming();
    } else void fileSettings.getState().load();
  }, [unlocked, customerList, fileSettings]);

  useAutoLock(host, status?.autoLockMinutes ?? 0, unlocked);

  if (!status) {
    return (
      <p className="app-loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (status.state === 'new') return <CreateVaultScreen />;
  if (status.state === 'locked') return <UnlockScreen status={status} />;
  if (pendingRecoveryKey) return <RecoveryKeyScreen recoveryKey={pendingRecoveryKey} />;
  return <>{children}</>;
}
