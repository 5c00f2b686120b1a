import { AppError } from '../../../shared/errors';

/** A staged file's bytes, read a range at a time. */
export interface FileBytes {
  readonly size: number;
  bytes(start: number, end: number): Promise<Uint8Array>;
}

export function blobBytes(blob: Blob): FileBytes {
  return {
    size: blob.size,
    bytes: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}

/** Up to this size a file is kept in the store's memory (its rows are kept too). */
export const IN_MEMORY_BYTES = 32 * 1024 * 1024;

/**
 * A file to import, arriving in parts. A small one is gathered in memory. A big one's parts
 * each become a Blob as they come: Chromium keeps blob data outside this process (in its
 * browser process, on disk beyond its memory quota, deleted when the blob is released), so
 * the store holds no copy of a big file, only the part it is reading. Parts must come in
 * order and not overrun the announced size.
 */
export class Upload {
  private readonly parts: Blob[] = [];
  private readonly whole: Uint8Array | null;
  private received = 0;

  constructor(
    readonly fileId: string,
    readonly name: string,
    readonly size: number,
    inMemory = IN_MEMORY_BYTES,
  ) {
    this.whole = size <= inMemory ? new Uint8Array(size) : null;
  }

  append(offset: number, bytes: Uint8Array): number {
    if (offset !== this.received) {
      throw new AppError(
        'VALIDATION',
        `Part of ${this.name} out of order: at byte ${offset}, expected ${this.received}`,
        [{ path: ['offset'], rule: 'invalidChoice' }],
      );
    }
    if (this.received + bytes.byteLength > this.size) {
      throw new AppError(
        'VALIDATION',
        `${this.name} is longer than the ${this.size} bytes announced`,
        [{ path: ['bytes'], rule: 'tooLong' }],
      );
    }
    if (this.whole) this.whole.set(bytes, this.received);
    else this.parts.push(new Blob([bytes as BlobPart]));
    this.received += bytes.byteLength;
    return this.received;
  }

  /** The whole file, once every byte announced has come. */
  file(): FileBytes {
    if (this.received !== this.size) {
      throw new AppError(
        'BAD_FILE',
        `${this.name} was not received whole (${this.received} of ${this.size} bytes): choose it again`,
        { name: this.name },
      );
    }
    const whole = this.whole;
    if (whole) return { size: whole.byteLength, bytes: async (s, e) => whole.subarray(s, e) };
    return blobBytes(new Blob(this.parts));
  }
}
