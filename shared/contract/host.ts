import { z } from 'zod';
import type { Client } from '../rpc/client';
import { method, type HandlersOf } from './define';
import { vaultContract, type VaultStatus } from './vault';

export interface AppInfo {
  runtime: 'electron' | 'web';
  version: string;
  platform: string;
}

/** What only the host (Electron main, or the web host in browser mode) can do. */
export const hostContract = {
  'host.appInfo': method<AppInfo>()(z.strictObject({})),
  ...vaultContract,
};

export type HostContract = typeof hostContract;
export type HostHandlers = HandlersOf<HostContract>;

export interface HostEvents {
  [event: string]: unknown;
  'vault.changed': VaultStatus;
}
export type HostClient = Client<HostContract, HostEvents>;
/** Method names, so the preload can expose one named function each. */
export const HOST_METHODS = Object.keys(hostContract) as (keyof HostContract)[];
