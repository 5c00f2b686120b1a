// First: zod must be jitless before any schema is built (see shared/zodConfig.ts).
import '../../shared/zodConfig';
import { CORE_PORT_MESSAGE, HOST_PORT_MESSAGE } from '../../shared/contract/bridge';
import { bufferedEndpoint, portEndpoint, type MessageEndpoint } from '../../shared/rpc/endpoint';
import { startWindowStore } from './startStore';

/**
 * Electron mode: the hidden store window. Its preload forwards the MessagePorts main brokered:
 * one to main (store control: key in, lock), then one per UI load (CoreApi).
 */
let store: ReturnType<typeof startWindowStore> | null = null;
const waitingUis: MessageEndpoint[] = [];

window.addEventListener('message', (event: MessageEvent) => {
  const port = event.ports[0];
  if (event.source !== window || !port) return;
  // Held until served: a call that arrives while the store starts is not dropped.
  const endpoint = bufferedEndpoint(portEndpoint(port));
  if (event.data === HOST_PORT_MESSAGE && !store) {
    store = startWindowStore(endpoint);
    for (const ui of waitingUis.splice(0)) store.addUi(ui);
  } else if (event.data === CORE_PORT_MESSAGE) {
    if (store) store.addUi(endpoint);
    else waitingUis.push(endpoint);
  }
});
