import type { CoreContract, CoreEvents } from '../../../shared/contract/core';
import { connect } from '../../../shared/rpc/client';
import { portEndpoint } from '../../../shared/rpc/endpoint';

// The real store worker, as browser mode starts it, and a bare echo worker for the baseline.
const store = connect<CoreContract, CoreEvents>(
  portEndpoint(
    new Worker(new URL('../../../electron/store/worker.ts', import.meta.url), { type: 'module' }),
  ),
);
const echo = new Worker(new URL('./echoWorker.ts', import.meta.url), { type: 'module' });

let echoed: (() => void) | null = null;
echo.addEventListener('message', () => echoed?.());
function echoOnce(i: number): Promise<void> {
  return new Promise((resolve) => {
    echoed = resolve;
    echo.postMessage({ id: i });
  });
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await call();
  return (performance.now() - start) * 1000;
}

/**
 * Round trips in microseconds: `system.ping` through the contract to the real store worker,
 * and the bare echo, interleaved so that neither gets the warmer machine.
 */
async function benchRpc(n: number): Promise<{ ours: number[]; naive: number[] }> {
  const ping = () => store.send('system.ping', {});
  for (let i = 0; i < 300; i++) {
    await ping(); // warm-up: worker start, JIT
    await echoOnce(i);
  }
  const ours: number[] = [];
  const naive: number[] = [];
  for (let i = 0; i < n; i++) {
    ours.push(await timed(ping));
    naive.push(await timed(() => echoOnce(i)));
  }
  return { ours, naive };
}

Object.assign(window, { benchRpc, isolated: crossOriginIsolated });
