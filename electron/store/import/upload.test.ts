import { describe, expect, it } from 'vitest';
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
