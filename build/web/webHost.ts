import { hostContract, type HostClient, type HostHandlers } from '../../shared/contract/host';
import { localClient } from '../../shared/rpc/local';

const handlers: HostHandlers = {
  'host.appInfo': () => ({
    runtime: 'web',
    version: __APP_VERSION__,
    platform: navigator.platform || 'web',
  }),
};

/** Browser mode's HostApi, served in the page (no OS keychain, files through the browser). */
export function createWebHost(): HostClient {
  return localClient(hostContract, handlers);
}
