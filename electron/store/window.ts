import { bufferedEndpoint, portEndpoint } from '../../shared/rpc/endpoint';
import { startStore } from './startStore';

/**
 * Electron mode: the hidden store window. Its preload forwards the MessagePort that main
 * brokered to the UI window; the store serves CoreApi on it.
 */
window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window || event.data !== 'comptoir:core-port') return;
  const [port] = event.ports;
  if (!port) return;
  void startStore(bufferedEndpoint(portEndpoint(port)));
});
