import { describe, expect, it } from 'vitest';
import { IMPORT_PART_BYTES } from '../../../../shared/contract/imports';
import { AppError } from '../../../../shared/errors';
import { sendFile } from './sendFile';

/** A host with a file of `size` bytes, and a store that records what it is sent. */
function fakes(size: number, shrinkTo = size) {
  const file = new Uint8Array(size);
  for (let i = 0; i < size; i++) file[i] = i % 251;
  const calls: { method: string; arg: Record<string, unknown> }[] = [];
  const host = {
    send: async (method: string, arg: { offset: number; length: number }) => {
      calls.push({ method, arg });
      return file.slice(arg.offset, Math.min(shrinkTo, arg.offset + arg.length));
    },
  };
  const received: Uint8Array[] = [];
  const core = {
    send: async (method: string, arg: Record<string, unknown>) => {
      calls.push({ method, arg });
      if (method === 'import.open') return { fileId: 'f1' };
      received.push(arg.bytes as Uint8Array);
      return { received: 0 };
    },
  };
  return { host, core, calls, received, file } as never as {
    host: Parameters<typeof sendFile>[1]['host'];
    core: Parameters<typeof sendFile>[1]['core'];
    calls: typeof calls;
    received: Uint8Array[];
    file: Uint8Array;
  };
}

describe('sendFile: the file goes to the store a part at a time', () => {
  it('sends every byte in order, in parts no bigger than IMPORT_PART_BYTES', async () => {
    const size = 2 * IMPORT_PART_BYTES + 10;
    const { host, core, calls, received, file } = fakes(size);
    const sent: number[] = [];
    const opened = { token: 't', name: 'big.csv', size };
    expect(await sendFile(opened, { host, core }, { onSent: (n) => sent.push(n) })).toBe('f1');
    expect(calls[0]).toEqual({ method: 'import.open', arg: { name: 'big.csv', size } });
    expect(received.map((b) => b.byteLength)).toEqual([IMPORT_PART_BYTES, IMPORT_PART_BYTES, 10]);
    expect(calls.filter((c) => c.method === 'import.append').map((c) => c.arg.offset)).toEqual([
      0,
      IMPORT_PART_BYTES,
      2 * IMPORT_PART_BYTES,
    ]);
    const joined = new Uint8Array(size);
    let at = 0;
    for (const part of received) {
      joined.set(part, at);
      at += part.byteLength;
    }
    // Byte for byte (toEqual on 8 MB is slow).
    expect(Buffer.compare(joined, file)).toBe(0);
    expect(sent).toEqual([IMPORT_PART_BYTES, 2 * IMPORT_PART_BYTES, size]);
  });

  it('stops when the file ends early (shrunk on disk) and when cancelled', async () => {
    const shrunk = fakes(100, 40);
    await sendFile({ token: 't', name: 'a.csv', size: 100 }, shrunk);
    expect(shrunk.received.map((b) => b.byteLength)).toEqual([40]);
    const cancelled = fakes(100);
    const controller = new AbortController();
    controller.abort();
    await expect(
      sendFile({ token: 't', name: 'a.csv', size: 100 }, cancelled, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(AppError);
    expect(cancelled.received).toEqual([]);
  });
});
