// First: zod must be jitless before any schema is built (see shared/zodConfig.ts).
import '../../shared/zodConfig';
import type { ComptoirBridge } from '../../shared/contract/bridge';
import { CORE_PORT_MESSAGE } from '../../shared/contract/bridge';
import type { CoreContract, CoreEvents } from '../../shared/contract/core';
import { connect } from '../../shared/rpc/client';
import { portEndpoint } from '../../shared/rpc/endpoint';
import { mountApp } from '../app/mountApp';
import { createBridgeHost } from './bridgeHost';

declare global {
  interface Window {
    comptoir: ComptoirBridge;
  }
}

// The desktop app's composition root: CoreApi on the port main brokered to the store window,
// HostApi through the preload's named functions.
window.addEventListener('message', function onPort(event: MessageEvent) {
  const port = event.ports[0];
  if (event.source !== window || event.data !== CORE_PORT_MESSAGE || !port) return;
  window.removeEventListener('message', onPort);
  const core = connect<CoreContract, CoreEvents>(portEndpoint(port));
  mountApp(document.getElementById('root')!, { core, host: createBridgeHost(window.comptoir) });
});
