import { createContext, useContext, type ReactNode } from 'react';
import type { CoreClient } from '../../shared/contract/core';
import type { HostClient } from '../../shared/contract/host';
import type { CustomerListStore } from '../features/customers/stores/customerListStore';
import type { FileSettingsStore } from '../features/settings/stores/fileSettingsStore';
import type { VaultStore } from '../features/vault/stores/vaultStore';

export interface Services {
  core: CoreClient;
  host: HostClient;
  customerList: CustomerListStore;
  fileSettings: FileSettingsStore;
  vault: VaultStore;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices is used outside ServicesProvider');
  return services;
}
