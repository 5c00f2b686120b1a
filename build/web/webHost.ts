import type { CallOptions, Client } from '../../shared/rpc/client';
import type { CoreEvents } from '../../shared/contract/core';
import type { MethodName } from '../../shared/contract/define';
import type { HostClient, HostContract } from '../../shared/contract/host';
import type { VaultContract } from '../../shared/contract/vault';
import { AppError } from '../../shared/errors';

const appInfo = () => ({
  runtime: 'web' as const,
  version: __APP_VERSION__,
  platform: navigator.platform || 'web',
});

/**
 * Browser mode's HostApi. App info is answered here; the vault lives in the store worker
 * (so the data key never enters this page), so vault calls and events go through to it.
 */
export function createWebHost(worker: Client<VaultContract, CoreEvents>): HostClient {
  return {
    async send(method, arg, options?: CallOptions) {
      if (method === 'host.appInfo') return appInfo() as never;
      if (method.startsWith('vault.')) {
        return worker.send(method as MethodName<VaultContract>, arg as never, options) as never;
      }
      throw new AppError('VALIDATION', `Unknown method "${String(method)}"`);
    },
    on(event, listener) {
      return worker.on(event, listener as (payload: CoreEvents[typeof event]) => void);
    },
    close() {},
  } satisfies Client<HostContract, never> as HostClient;
}
