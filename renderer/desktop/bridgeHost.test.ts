import { describe, expect, it } from 'vitest';
import type { ComptoirBridge } from '../../shared/contract/bridge';
import { HOST_METHOD_NAMES } from '../../shared/contract/bridge';
import { hostContract } from '../../shared/contract/host';
import { AppError } from '../../shared/errors';
import { createBridgeHost } from './bridgeHost';

function fakeBridge() {
  let listener: ((m: { event: string; payload: unknown }) => void) | null = null;
  const calls: { method: string; arg: unknown }[] = [];
  const host = Object.fromEntries(
    HOST_METHOD_NAMES.map((method) => [
      method,
      async (arg: unknown) => {
        calls.push({ method, arg });
        return method === 'vault.unlock'
          ? {
              ok: false as const,
              error: {
                code: 'WRONG_SECRET',
                message: 'Wrong passphrase',
                details: { failures: 1 },
              },
            }
          : {
              ok: true as const,
              value: { runtime: 'electron', version: '0.1.0', platform: 'linux' },
            };
      },
    ]),
  ) as ComptoirBridge['host'];
  const bridge: ComptoirBridge = {
    host,
    onHostEvent(l) {
      listener = l;
      return () => (listener = null);
    },
  };
  return {
    bridge,
    calls,
    push: (event: string, payload: unknown) => listener?.({ event, payload }),
  };
}

describe('HostApi through the desktop bridge', () => {
  it('names every HostApi method, and only those', () => {
    expect([...HOST_METHOD_NAMES].sort()).toEqual(Object.keys(hostContract).sort());
  });

  it('unwraps answers, turns error envelopes into AppErrors, and filters events', async () => {
    const { bridge, calls, push } = fakeBridge();
    const host = createBridgeHost(bridge);
    expect(await host.send('host.appInfo', {})).toMatchObject({ runtime: 'electron' });
    expect(calls).toEqual([{ method: 'host.appInfo', arg: {} }]);
    const failure = await host
      .send('vault.unlock', { passphrase: 'x', remember: false })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'WRONG_SECRET', details: { failures: 1 } });

    const heard: unknown[] = [];
    const stop = host.on('vault.changed', (status) => heard.push(status.state));
    push('something.else', {});
    push('vault.changed', { state: 'locked' });
    stop();
    push('vault.changed', { state: 'unlocked' });
    expect(heard).toEqual(['locked']);
  });
});
