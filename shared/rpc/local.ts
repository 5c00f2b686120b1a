import { AppError, isErrorCode } from '../errors';
import type { CallContext, Contract, HandlersOf } from '../contract/define';
import type { Client } from './client';
import { dispatch, type Outcome } from './dispatch';

function unwrap(outcome: Outcome): unknown {
  if (outcome.ok) return outcome.value;
  const { code, message, details } = outcome.error;
  throw new AppError(isErrorCode(code) ? code : 'INTERNAL', message, details);
}

/** A client that calls handlers in the same realm, still validating every argument. */
export function localClient<C extends Contract>(contract: C, handlers: HandlersOf<C>): Client<C> {
  return {
    async send(method, arg, options = {}) {
      const ctx: CallContext = {
        signal: options.signal ?? new AbortController().signal,
        progress: (value) => options.onProgress?.(value),
      };
      return unwrap(await dispatch(contract, handlers, method, arg, ctx)) as never;
    },
    on: () => () => {},
    close() {},
  };
}

/** Named functions that return an Outcome: how the Electron preload exposes a contract. */
export type Bridge = Record<string, (arg: unknown) => Promise<Outcome>>;

/** The bridge function name for a method: `host.appInfo` -> `appInfo`. */
export function bridgeName(method: string): string {
  return method.slice(method.indexOf('.') + 1);
}

/** A client over a preload bridge. The main process validates; this side only unwraps. */
export function bridgeClient<C extends Contract>(bridge: Bridge): Client<C> {
  return {
    async send(method, arg) {
      const fn = bridge[bridgeName(method)];
      if (!fn) throw new AppError('INTERNAL', `The host does not offer "${method}"`);
      return unwrap(await fn(arg)) as never;
    },
    on: () => () => {},
    close() {},
  };
}
