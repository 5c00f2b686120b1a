import { describe, expect, it } from 'vitest';
import { argon2Here, type Argon2Input } from '../../../shared/vault/argon2';
import { fromBase64 } from '../../../shared/vault/bytes';
import { argon2InWorker, type WorkerLike } from './argon2InWorker';

const input = (password: string): Argon2Input => ({
  password,
  salt: fromBase64('c2FsdHNhbHRzYWx0c2FsdA=='),
  memoryKiB: 64,
  iterations: 1,
  parallelism: 1,
});

/** Workers as the browser gives them, over real MessageChannels: each derives or fails. */
function workers(fail = false) {
  const log = { started: 0, ended: 0 };
  const start = (): WorkerLike => {
    const channel = new MessageChannel();
    log.started++;
    channel.port2.onmessage = async ({ data }) => {
      if (fail) return channel.port2.postMessage({ error: 'out of memory' });
      const key = await argon2Here(data);
      channel.port2.postMessage({ key }, [key.buffer]);
    };
    channel.port1.start();
    return {
      postMessage: (m) => channel.port1.postMessage(m),
      addEventListener: (type: string, listener: (e: MessageEvent) => void) => {
        if (type === 'message') channel.port1.addEventListener('message', listener);
      },
      terminate: () => {
        log.ended++;
        channel.port1.close();
        channel.port2.close();
      },
    } as WorkerLike;
  };
  return { start, log };
}

describe('Argon2id in a worker of its own', () => {
  it('derives the same key as on this thread, one worker per derivation, each ended', async () => {
    const { start, log } = workers();
    const argon2 = argon2InWorker(start);
    const [a, b] = await Promise.all([argon2(input('first')), argon2(input('second'))]);
    expect(a).toEqual(await argon2Here(input('first')));
    expect(b).toEqual(await argon2Here(input('second')));
    expect(a).not.toEqual(b);
    expect(log).toEqual({ started: 2, ended: 2 });
  });

  it('rejects with the worker’s reason when the derivation fails, and ends the worker', async () => {
    const { start, log } = workers(true);
    await expect(argon2InWorker(start)(input('x'))).rejects.toThrow(/out of memory/);
    expect(log.ended).toBe(1);
  });
});
