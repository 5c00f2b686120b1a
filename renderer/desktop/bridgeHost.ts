import type { ComptoirBridge } from '../../shared/contract/bridge';
import type { HostClient } from '../../shared/contract/host';
import { AppError, isErrorCode } from '../../shared/errors';

/**
 * HostApi in the desktop app: each call goes through the preload's named function for it and
 * comes back as the same envelope the transport uses. Vault calls are short: no progress, no cancel.
 */
export function createBridgeHost(bridge: ComptoirBridge): HostClient {
  return {
    async send(method, arg) {
      const call = bridge.host[method];
      if (!call) throw new AppError('VALIDATION', `Unknown method "${String(method)}"`);
      const outcome = await call(arg);
      if (outcome.ok) return outcome.value as never;
      const { code, message, details } = outcome.error;
      throw new AppError(isErrorCode(code) ? code : 'INTERNAL', message, details);
    },
    on(event, listener) {
      return bridge.onHostEvent((message) => {
        if (message.event === event) listener(message.payload as never);
      });
    },
    close() {},
  };
}
