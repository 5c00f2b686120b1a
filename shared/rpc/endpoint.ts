/**
 * The one thing the transport needs from a runtime: send a message, hear messages.
 * Worker, DedicatedWorkerGlobalScope, DOM MessagePort and Node's MessagePort all fit
 * `portEndpoint`; Electron's MessagePortMain has its own adapter in electron/main.
 */
export interface MessageEndpoint {
  postMessage(message: unknown): void;
  /** Starts delivery and returns a function that stops listening. */
  subscribe(listener: (data: unknown) => void): () => void;
  /** Where the runtime can tell: calls `listener` once the other side is gone. */
  onClose?(listener: () => void): void;
}

export interface PortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?: () => void;
}

export function portEndpoint(port: PortLike): MessageEndpoint {
  return {
    postMessage: (message) => port.postMessage(message),
    subscribe(listener) {
      const onMessage = (event: MessageEvent) => listener(event.data);
      port.addEventListener('message', onMessage);
      port.start?.();
      return () => port.removeEventListener('message', onMessage);
    },
  };
}

/**
 * Listens at once and holds messages until someone subscribes: a store that is still
 * opening its database must not drop the calls that arrive meanwhile.
 */
export function bufferedEndpoint(inner: MessageEndpoint): MessageEndpoint {
  const held: unknown[] = [];
  let deliver: ((data: unknown) => void) | null = null;
  inner.subscribe((data) => (deliver ? deliver(data) : held.push(data)));
  return {
    postMessage: (message) => inner.postMessage(message),
    subscribe(listener) {
      deliver = listener;
      for (const data of held.splice(0)) listener(data);
      return () => {
        deliver = null;
      };
    },
  };
}
