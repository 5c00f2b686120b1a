// First: zod must be jitless before any schema is built (see shared/zodConfig.ts).
import '../../shared/zodConfig';
import { mountApp } from '../../renderer/app/mountApp';
import type { CoreContract, CoreEvents } from '../../shared/contract/core';
import type { VaultContract } from '../../shared/contract/vault';
import { connect } from '../../shared/rpc/client';
import { portEndpoint } from '../../shared/rpc/endpoint';
import { createWebHost } from './webHost';

// Browser mode's composition root: the store (and its vault) in a Dedicated Worker, the host in the page.
const worker = new Worker(new URL('../../electron/store/worker.ts', import.meta.url), {
  type: 'module',
  name: 'comptoir-store',
});
const store = connect<CoreContract & VaultContract, CoreEvents>(portEndpoint(worker));
mountApp(document.getElementById('root')!, { core: store, host: createWebHost(store) });
