import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { CoreClient } from '../../shared/contract/core';
import type { HostClient } from '../../shared/contract/host';
import { createCustomerListStore } from '../features/customers/stores/customerListStore';
import { createFileSettingsStore } from '../features/settings/stores/fileSettingsStore';
import { createVaultStore } from '../features/vault/stores/vaultStore';
import { App } from './App';
import { ServicesProvider } from './services';
import '../styles.css';
import '../record.css';
import '../segments.css';
import '../dashboard.css';
import '../report.css';

/** Starts the UI on whatever runtime booted it (Electron UI window or browser mode). */
export function mountApp(
  root: HTMLElement,
  { core, host }: { core: CoreClient; host: HostClient },
): void {
  const services = {
    core,
    host,
    customerList: createCustomerListStore(core),
    fileSettings: createFileSettingsStore(core),
    vault: createVaultStore(host),
  };
  // The history opens after the unlock's report: its damaged pages arrive on their own.
  core.on('store.damaged', ({ damaged }) => services.vault.getState().moreDamage(damaged));
  createRoot(root).render(
    <StrictMode>
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>
    </StrictMode>,
  );
}
