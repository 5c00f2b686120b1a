/// <reference lib="webworker" />
// First: zod must be jitless before any schema is built (see shared/zodConfig.ts).
import '../../shared/zodConfig';
import { bufferedEndpoint, portEndpoint } from '../../shared/rpc/endpoint';
import { plainCodec } from './crypto/plainCodec';
import { argon2InWorker } from './kdf/argon2InWorker';
import { startWorkerStore } from './startStore';

// Only a test build sets this, so the at-rest test can prove its scan finds clear values.
const plaintextForTests = import.meta.env.VITE_COMPTOIR_PLAINTEXT_FOR_TESTS === '1';

startWorkerStore(bufferedEndpoint(portEndpoint(self as unknown as DedicatedWorkerGlobalScope)), {
  codec: plaintextForTests ? async () => plainCodec : undefined,
  // Off this thread, so the sealed pages are read while the key is derived.
  argon2: argon2InWorker(
    () =>
      new Worker(new URL('./kdf/argon2.worker.ts', import.meta.url), {
        type: 'module',
        name: 'comptoir-argon2',
      }),
  ),
});
