import { AppError, isErrorCode } from '../errors';
import type { ArgOf, Contract, EventMap, MethodName, ResultOf } from '../contract/define';
import type { MessageEndpoint } from './endpoint';
import { PROGRESS_EVENT, inboundToClientSchema, type CallId } from './envelope';

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (value: unknown) => void;
}

export interface Client<C extends Contract, E extends EventMap = EventMap> {
  /** Calls `method`; rejects with an AppError carrying the server's code. */
  send<M extends MethodName<C>>(
    method: M,
    arg: ArgOf<C, M>,
    options?: CallOptions,
  ): Promise<ResultOf<C, M>>;
  /** Listens to a pushed event; returns a function that stops listening. */
  on<K extends Extract<keyof E, string>>(event: K, listener: (payload: E[K]) => void): () => void;
  close(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (value: unknown) => void;
}

export function connect<C extends Contract, E extends EventMap = EventMap>(
  endpoint: MessageEndpoint,
): Client<C, E> {
  let nextId = 1;
  const pending = new Map<CallId, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const unsubscribe = endpoint.subscribe((data) => {
    const parsed = inboundToClientSchema.safeParse(data);
    if (!parsed.success) return; // Not ours: a well-behaved server never sends this.
    const message = parsed.data;
    if ('event' in message) {
      if (message.event === PROGRESS_EVENT) {
        const { id, value } = message.payload as { id: CallId; value: unknown };
        pending.get(id)?.onProgress?.(value);
        return;
      }
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    if (message.id === null) return;
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (message.ok) call.resolve(message.value);
    else {
      const { code, message: text, details } = message.error;
      call.reject(new AppError(isErrorCode(code) ? code : 'INTERNAL', text, details));
    }
  });

  // A port whose other side has gone will never answer: its pending calls fail at once.
  endpoint.onClose?.(() => {
    for (const call of pending.values()) {
      call.reject(new AppError('INTERNAL', 'The other side of the connection has gone'));
    }
    pending.clear();
  });

  return {
    send(method, arg, options = {}) {
      const id = nextId++;
      const { signal, onProgress } = options;
      if (signal?.aborted) {
        return Promise.reject(new AppError('CANCELLED', 'The operation was cancelled'));
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
        // The server answers a cancelled call with CANCELLED once it has rolled back.
        signal?.addEventListener('abort', () => endpoint.postMessage({ cancel: id }), {
          once: true,
        });
        endpoint.postMessage({ id, method, arg });
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    close() {
      unsubscribe();
      for (const call of pending.values()) {
        call.reject(new AppError('CANCELLED', 'The connection was closed'));
      }
      pending.clear();
    },
  };
}
