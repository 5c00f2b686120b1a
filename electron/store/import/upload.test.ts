import { describe, expect, it } from 'vitest';
import { Upload } from './upload';

const part = (text: string) => new TextEncoder().encode(text);

describe('Upload: a file arriving in parts', () => {
  it('joins the parts in order into the whole file', async () => {
    const upload = new Upload('f1', 'a.csv', 9);
    expect(upload.append(0, part('a,b\n'))).toBe(4);
    expect(upload.append(4, part('1,2\n'))).toBe(8);
    expect(upload.append(8, part('3'))).toBe(9);
    expect(await upload.file().text()).toBe('a,b\n1,2\n3');
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
