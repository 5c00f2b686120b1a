import { Worker } from 'node:worker_threads';
import type { Argon2, Argon2Input } from '../../shared/vault/argon2';
import type { Bytes } from '../../shared/vault/bytes';

type Reply = { key: Bytes } | { error: string };

export interface Argon2Thread {
  argon2: Argon2;
  /** Ends every derivation still running (the app quits): each rejects. */
  stop(): Promise<void>;
  /** Derivations running now, each on a worker of its own. */
  running(): number;
}

/**
 * Argon2id in a Node worker thread started for each derivation and ended after it, as the
 * store's argon2InWorker does with Web Workers: its memory is not kept for the session. A
 * failure in the worker, or a worker that dies, becomes a rejected promise, never a crash.
 */
export function argon2Thread(workerPath: string): Argon2Thread {
  const workers = new Map<Worker, (error: Error) => void>();
  let stopped = false;

  const argon2: Argon2 = (input: Argon2Input) =>
    new Promise<Bytes>((resolve, reject) => {
      if (stopped) return reject(new Error('Argon2id is stopped: the app is quitting'));
      const worker = new Worker(workerPath);
      const settle = (outcome: () => void) => {
        if (!workers.delete(worker)) return;
        void worker.terminate();
        outcome();
      };
      workers.set(worker, (error) => settle(() => reject(error)));
      worker.once('message', (reply: Reply) =>
        settle(() =>
          'key' in reply
            ? resolve(reply.key)
            : reject(new Error(`Argon2id failed: ${reply.error}`)),
        ),
      );
      worker.once('error', (error) =>
        settle(() => reject(new Error(`Argon2id worker failed: ${error.message}`))),
      );
      worker.once('exit', (code) =>
        settle(() => reject(new Error(`Argon2id worker ended (code ${code}) without a key`))),
      );
      worker.postMessage(input);
    });

  return {
    argon2,
    running: () => workers.size,
    async stop() {
      stopped = true;
      const ending = [...workers.keys()].map((worker) => worker.terminate());
      for (const fail of [...workers.values()]) fail(new Error('Argon2id stopped: the app quit'));
      await Promise.all(ending);
    },
  };
}
