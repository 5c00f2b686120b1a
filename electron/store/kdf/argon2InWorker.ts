import type { Argon2, Argon2Input } from '../../../shared/vault/argon2';
import type { Bytes } from '../../../shared/vault/bytes';

export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

type Reply = { key: Bytes } | { error: string };

/**
 * Argon2id in a worker started for each derivation and ended after it: its 64 MiB of memory
 * are not kept for the rest of the session.
 */
export function argon2InWorker(start: () => WorkerLike): Argon2 {
  return (input: Argon2Input) =>
    new Promise<Bytes>((resolve, reject) => {
      const worker = start();
      worker.addEventListener('message', ({ data }: MessageEvent<Reply>) => {
        worker.terminate();
        if ('key' in data) resolve(data.key);
        else reject(new Error(`Argon2id failed: ${data.error}`));
      });
      worker.addEventListener('error', (event: ErrorEvent) => {
        worker.terminate();
        reject(new Error(`Argon2id worker failed: ${event.message}`));
      });
      worker.postMessage(input);
    });
}
