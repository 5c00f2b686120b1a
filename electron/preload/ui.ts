import { contextBridge, ipcRenderer } from 'electron';
import {
  CORE_PORT_MESSAGE,
  HOST_CHANNEL,
  HOST_EVENT_CHANNEL,
  HOST_METHOD_NAMES,
  type ComptoirBridge,
} from '../../shared/contract/bridge';
import type { Outcome } from '../../shared/rpc/dispatch';

// One named function per HostApi method; the page never sees ipcRenderer.
const host = Object.fromEntries(
  HOST_METHOD_NAMES.map((method) => [
    method,
    (arg: unknown): Promise<Outcome> => ipcRenderer.invoke(HOST_CHANNEL, { method, arg }),
  ]),
) as ComptoirBridge['host'];

const bridge: ComptoirBridge = {
  host,
  onHostEvent(listener) {
    const forward = (_event: unknown, message: { event: string; payload: unknown }) =>
      listener(message);
    ipcRenderer.on(HOST_EVENT_CHANNEL, forward);
    return () => void ipcRenderer.off(HOST_EVENT_CHANNEL, forward);
  },
};
contextBridge.exposeInMainWorld('comptoir', bridge);

// The CoreApi port main brokered to the store: handed to the page, which talks to it directly.
ipcRenderer.on(CORE_PORT_MESSAGE, (event) =>
  window.postMessage(CORE_PORT_MESSAGE, '*', event.ports),
);
