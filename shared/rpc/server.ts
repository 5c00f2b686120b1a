import type { Contract, EventMap, HandlersOf } from '../contract/define';
import { dispatch } from './dispatch';
import type { MessageEndpoint } from './endpoint';
import {
  PROGRESS_EVENT,
  cancelSchema,
  requestSchema,
  salvageId,
  type CallId,
  type PushMessage,
  type ReplyMessage,
} from './envelope';

export interface Server<E extends EventMap> {
  /** Pushes an event to the other side. */
  emit<K extends Extract<keyof E, string>>(event: K, payload: E[K]): void;
  /** Stops listening and cancels every call still running. */
  close(): void;
}

/**
 * Serves `handlers` over `endpoint`. A malformed message gets a VALIDATION reply (with
 * the message's id when it has one) and the server goes on serving.
 */
export function serve<C extends Contract, E extends EventMap = EventMap>(
  endpoint: MessageEndpoint,
  contract: C,
  handlers: HandlersOf<C>,
): Server<E> {
  const running = new Map<CallId, AbortController>();
  const reply = (message: ReplyMessage) => endpoint.postMessage(message);
  const push = (message: PushMessage) => endpoint.postMessage(message);

  const onMessage = (data: unknown) => {
    const cancel = cancelSchema.safeParse(data);
    if (cancel.success) {
      running.get(cancel.data.cancel)?.abort();
      return;
    }
    const request = requestSchema.safeParse(data);
    if (!request.success) {
      reply({
        id: salvageId(data),
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Malformed message: expected {id, method, arg} or {cancel}',
        },
      });
      return;
    }
    const { id, method, arg } = request.data;
    if (running.has(id)) {
      reply({ id, ok: false, error: { code: 'VALIDATION', message: `Call id ${id} is in use` } });
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    const ctx = {
      signal: controller.signal,
      progress: (value: unknown) => push({ event: PROGRESS_EVENT, payload: { id, value } }),
    };
    void dispatch(contract, handlers, method, arg, ctx).then((outcome) => {
      running.delete(id);
      reply({ id, ...outcome });
    });
  };

  const unsubscribe = endpoint.subscribe(onMessage);
  return {
    emit: (event, payload) => push({ event, payload }),
    close() {
      unsubscribe();
      for (const controller of running.values()) controller.abort();
      running.clear();
    },
  };
}
