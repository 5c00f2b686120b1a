import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { method, type HandlersOf } from '../contract/define';
import { AppError } from '../errors';
import { connect } from './client';
import { portEndpoint } from './endpoint';
import { serve } from './server';

const contract = {
  'math.add': method<number>()(z.strictObject({ a: z.number(), b: z.number() })),
  'job.run': method<{ steps: number }>()(z.strictObject({ steps: z.int().min(1).max(1000) })),
  'fail.notFound': method<never>()(z.strictObject({})),
  'fail.crash': method<never>()(z.strictObject({})),
};
type Events = { ticked: { n: number } };

const handlers: HandlersOf<typeof contract> = {
  'math.add': ({ a, b }) => a + b,
  'job.run': async ({ steps }, ctx) => {
    for (let i = 1; i <= steps; i++) {
      if (ctx.signal.aborted) throw new AppError('CANCELLED', 'stopped');
      ctx.progress(i);
      await new Promise((r) => setTimeout(r, 1));
    }
    return { steps };
  },
  'fail.notFound': () => {
    throw new AppError('NOT_FOUND', 'No such thing', { id: 'x' });
  },
  'fail.crash': () => {
    throw new TypeError('boom');
  },
};

const channels: MessageChannel[] = [];
function pair() {
  const channel = new MessageChannel();
  channels.push(channel);
  const server = serve<typeof contract, Events>(portEndpoint(channel.port1), contract, handlers);
  const client = connect<typeof contract, Events>(portEndpoint(channel.port2));
  return { channel, server, client };
}
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** Sends a raw message on the client's port and waits for the first reply to it. */
function rawReply(port: MessagePort, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      port.removeEventListener('message', onMessage);
      resolve(event.data);
    };
    port.addEventListener('message', onMessage);
    port.start();
    port.postMessage(message);
  });
}

describe('rpc transport', () => {
  it('calls a method and returns its value', async () => {
    const { client } = pair();
    await expect(client.send('math.add', { a: 2, b: 3 })).resolves.toBe(5);
  });

  it('rejects an invalid argument with VALIDATION naming the field, before the handler runs', async () => {
    const { client } = pair();
    const error = await client.send('math.add', { a: 2, b: 'three' as never }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('at b');
    expect(error.details).toEqual([{ path: ['b'], rule: expect.any(String) }]);
  });

  it('rejects unknown keys (arguments are strict)', async () => {
    const { client } = pair();
    const error = await client.send('math.add', { a: 1, b: 2, c: 3 } as never).catch((e) => e);
    expect(error.code).toBe('VALIDATION');
  });

  it('answers a malformed message with VALIDATION and keeps serving', async () => {
    const { channel } = pair();
    const port = channel.port2;
    for (const junk of [
      42,
      'hello',
      null,
      { id: 7 },
      { id: 8, method: 3 },
      { method: 'math.add' },
    ]) {
      const reply = (await rawReply(port, junk)) as { ok: boolean; error: { code: string } };
      expect(reply.ok).toBe(false);
      expect(reply.error.code).toBe('VALIDATION');
    }
    const salvaged = (await rawReply(port, { id: 9, method: 3 })) as { id: unknown };
    expect(salvaged.id).toBe(9);
    const unknown = (await rawReply(port, { id: 10, method: 'nope', arg: {} })) as {
      error: { message: string };
    };
    expect(unknown.error.message).toContain('Unknown method "nope"');
    // Still serving after all that.
    const ok = await rawReply(port, { id: 11, method: 'math.add', arg: { a: 1, b: 1 } });
    expect(ok).toEqual({ id: 11, ok: true, value: 2 });
  });

  it('carries error codes and details across, and hides unexpected errors behind INTERNAL', async () => {
    const { client } = pair();
    const notFound = await client.send('fail.notFound', {}).catch((e) => e);
    expect(notFound).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such thing',
      details: { id: 'x' },
    });
    const crash = await client.send('fail.crash', {}).catch((e) => e);
    expect(crash).toMatchObject({ code: 'INTERNAL' });
    expect(crash.message).toContain('boom');
  });

  it('reports progress to the caller of that call only', async () => {
    const { client } = pair();
    const seen: unknown[] = [];
    const other: unknown[] = [];
    const [result] = await Promise.all([
      client.send('job.run', { steps: 5 }, { onProgress: (v) => seen.push(v) }),
      client.send('job.run', { steps: 2 }, { onProgress: (v) => other.push(v) }),
    ]);
    expect(result).toEqual({ steps: 5 });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(other).toEqual([1, 2]);
  });

  it('cancels a long call and answers CANCELLED', async () => {
    const { client } = pair();
    const controller = new AbortController();
    let steps = 0;
    const call = client.send(
      'job.run',
      { steps: 1000 },
      {
        signal: controller.signal,
        onProgress: () => {
          if (++steps === 3) controller.abort();
        },
      },
    );
    await expect(call).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(steps).toBeLessThan(20);
  });

  it('pushes events to listeners until they unsubscribe', async () => {
    const { client, server } = pair();
    const got: number[] = [];
    const stop = client.on('ticked', ({ n }) => got.push(n));
    server.emit('ticked', { n: 1 });
    await client.send('math.add', { a: 0, b: 0 }); // A round trip flushes the push before it.
    stop();
    server.emit('ticked', { n: 2 });
    await client.send('math.add', { a: 0, b: 0 });
    expect(got).toEqual([1]);
  });

  it('fails pending calls at once when the endpoint says its other side has gone', async () => {
    let gone: () => void = () => undefined;
    const silent = {
      postMessage: () => undefined, // Nobody will ever answer.
      subscribe: () => () => undefined,
      onClose: (listener: () => void) => void (gone = listener),
    };
    const client = connect<typeof contract>(silent);
    const pending = client.send('math.add', { a: 1, b: 2 });
    gone();
    await expect(pending).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
