import { describe, expect, it, vi } from 'vitest';
import { Upload } from './upload';

const part = (text: string) => new TextEncoder().encode(text);

describe('Upload: a file arriving in parts', () => {
  it.each([
    ['in memory', 1024],
    ['as blobs (a big file)', 0],
  ])('joins the parts in order into the whole file, %s', async (_, inMemory) => {
    const upload = new Upload('f1', 'a.csv', 9, inMemory);
    expect(upload.append(0, part('a,b\n'))).toBe(4);
    expect(upload.append(4, part('1,2\n'))).toBe(8);
    expect(upload.append(8, part('3'))).toBe(9);
    const file = upload.file();
    const text = async (s: number, e: number) => new TextDecoder().decode(await file.bytes(s, e));
    expect(await text(0, 9)).toBe('a,b\n1,2\n3');
    expect(await text(2, 6)).toBe('b\n1,');
  });

  it('refuses a part out of order, one past the size announced, and an unfinished file', () => {
    const upload = new Upload('f1', 'a.csv', 6);
    upload.append(0, part('abc'));
    expect(() => upload.append(0, part('abc'))).toThrow(
      'Part of a.csv out of order: at byte 0, expected 3',
    );
    expect(() => upload.append(3, part('defg'))).toThrow(
      'a.csv is longer than the 6 bytes announced',
    );
    expect(() => upload.file()).toThrow('a.csv was not received whole (3 of 6 bytes)');
    upload.append(3, part('def'));
    expect(upload.file().size).toBe(6);
  });
});

describe('Upload: a big file’s parts sealed before they become Blobs', () => {
  const csv = 'Prénom,Nom,Email\nMarie,Curie,marie.curie@example.org\nLuc,Martin,luc@example.fr\n';

  /** Every Blob made while `run` runs, to look at the bytes Chromium may write to disk. */
  async function blobsMadeBy(run: () => Promise<void>): Promise<Blob[]> {
    const made: Blob[] = [];
    const RealBlob = Blob;
    vi.stubGlobal(
      'Blob',
      class extends RealBlob {
        constructor(...args: ConstructorParameters<typeof Blob>) {
          super(...args);
          made.push(this);
        }
      },
    );
    try {
      await run();
    } finally {
      vi.unstubAllGlobals();
    }
    return made;
  }

  it('keeps no text of the file in its Blobs, and reads back the same bytes', async () => {
    const bytes = new TextEncoder().encode(csv);
    let read = '';
    const blobs = await blobsMadeBy(async () => {
      const upload = new Upload('f1', 'a.csv', bytes.byteLength, 0);
      for (let at = 0; at < bytes.byteLength; at += 16) {
        upload.append(at, bytes.subarray(at, at + 16));
        await upload.sealed();
      }
      const file = upload.file();
      read = new TextDecoder().decode(await file.bytes(0, file.size));
      expect(await file.bytes(20, 45)).toEqual(bytes.subarray(20, 45));
    });
    expect(read).toBe(csv);
    expect(blobs.length).toBeGreaterThanOrEqual(Math.ceil(bytes.byteLength / 16));
    for (const blob of blobs) {
      const inBlob = Buffer.from(await blob.arrayBuffer());
      for (const word of ['Marie', 'Curie', 'marie.curie', 'Martin', 'Email'])
        expect(inBlob.includes(word)).toBe(false);
    }
  });

  it('seals each part with its own IV: two equal parts are two different Blobs', async () => {
    const blobs = await blobsMadeBy(async () => {
      const upload = new Upload('f1', 'a.csv', 32, 0);
      upload.append(0, part('0123456789abcdef'));
      upload.append(16, part('0123456789abcdef'));
      await upload.sealed();
    });
    const [a, b] = await Promise.all(blobs.map(async (x) => Buffer.from(await x.arrayBuffer())));
    expect(a!.equals(b!)).toBe(false);
  });

  it('refuses to be read or added to once closed (its key is gone)', async () => {
    const upload = new Upload('f1', 'a.csv', 6, 0);
    upload.append(0, part('abcdef'));
    const file = upload.file();
    expect(new TextDecoder().decode(await file.bytes(0, 6))).toBe('abcdef');
    upload.close();
    await expect(file.bytes(0, 3)).rejects.toThrow('a.csv is no longer open: choose it again');
    expect(() => upload.append(6, part('g'))).toThrow('a.csv is no longer open');
    expect(() => upload.file()).toThrow('a.csv is no longer open');
  });
});
