import { ipcRenderer } from 'electron';
import { CORE_PORT_MESSAGE, HOST_PORT_MESSAGE } from '../../shared/contract/bridge';

// The store window exposes nothing: it only receives its ports (see electron/store/window.ts).
for (const channel of [HOST_PORT_MESSAGE, CORE_PORT_MESSAGE]) {
  ipcRenderer.on(channel, (event) => window.postMessage(channel, '*', event.ports));
}
