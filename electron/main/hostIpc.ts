import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { hostContract, type HostHandlers } from '../../shared/contract/host';
import { dispatch, type Outcome } from '../../shared/rpc/dispatch';

const requestSchema = z.strictObject({ method: z.string().max(100), arg: z.unknown() });

export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;

/**
 * HostApi over ipcMain.handle: only the UI window may call, and every argument is checked
 * against the contract before any handler runs. Always answers an envelope, never throws.
 */
export function createHostIpcHandler(handlers: HostHandlers, isTrusted: SenderCheck) {
  return async (
    event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
    request: unknown,
  ): Promise<Outcome> => {
    if (!isTrusted(event)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Only the Comptoir window may call HostApi' },
      };
    }
    const parsed = requestSchema.safeParse(request);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: 'Malformed HostApi call: expected {method, arg}' },
      };
    }
    const ctx = { signal: new AbortController().signal, progress: () => {} };
    return dispatch(hostContract, handlers, parsed.data.method, parsed.data.arg, ctx);
  };
}
