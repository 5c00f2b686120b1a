import { AppError } from '../../../shared/errors';

/**
 * A file to import, arriving in parts. Each part becomes a Blob as it comes: Chromium keeps
 * blob data outside this process (in its browser process, on disk beyond its memory quota,
 * deleted when the blob is released), so the store holds no copy of a big file, only the part
 * it is reading. Parts must come in order and not overrun the announced size.
 */
export class Upload {
  private readonly parts: Blob[] = [];
  private received = 0;

  constructor(
    readonly fileId: string,
    readonly name: string,
    readonly size: number,
  ) {}

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
    this.parts.push(new Blob([bytes as BlobPart]));
    this.received += bytes.byteLength;
    return this.received;
  }

  /** The whole file, once every byte announced has come. */
  file(): Blob {
    if (this.received !== this.size) {
      throw new AppError(
        'BAD_FILE',
        `${this.name} was not received whole (${this.received} of ${this.size} bytes): choose it again`,
        { name: this.name },
      );
    }
    return new Blob(this.parts);
  }
}
