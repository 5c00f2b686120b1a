import { portEndpoint, type MessageEndpoint } from '../../shared/rpc/endpoint';
import { startWindowStore } from './startStore';

/**
 * Electron mode: the hidden store window. Its preload forwards two MessagePorts that main
 * brokered: one to the UI window (CoreApi), one to main (store control: key in, lock).
 */
const ports: { core?: MessageEndpoint; host?: MessageEndpoint } = {};
window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window || !event.ports[0]) return;
  if (event.data === 'comptoir:core-port') ports.core = portEndpoint(event.ports[0]);
  else if (event.data === 'comptoir:host-port') ports.host = portEndpoint(event.ports[0]);
  else return;
  if (ports.core && ports.host) startWindowStore(ports.core, ports.host);
});
