import type { MessageEndpoint } from '../../shared/rpc/endpoint';
import type { PortMainLike } from './deps';

/** Electron's MessagePortMain as the transport's endpoint (it speaks `.on('message', e)`). */
export function mainPortEndpoint(port: PortMainLike): MessageEndpoint {
  return {
    postMessage: (message) => port.postMessage(message),
    subscribe(listener) {
      const onMessage = (event: { data: unknown }) => listener(event.data);
      port.on('message', onMessage);
      port.start();
      return () => port.off('message', onMessage);
    },
    onClose: (listener) => void port.on('close', listener),
  };
}
