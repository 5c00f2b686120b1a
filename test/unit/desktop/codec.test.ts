import { describe, expect, it } from 'vitest';
import { decode, encode } from '../../desktop/twin/codec';

describe('the desktop twin codec', () => {
  it('carries what structured clone carries between main and the pages', () => {
    const message = {
      id: 7,
      bytes: new Uint8Array([0, 1, 254, 255]),
      buffer: new Uint8Array([9, 8]).buffer,
      floats: new Float64Array([1.5, -2]),
      when: new Date('2026-12-07T10:00:00Z'),
      gone: undefined,
      list: [1, undefined, 'x'],
      big: 12n,
      odd: [Number.NaN, Number.POSITIVE_INFINITY],
      map: new Map([['a', 1]]),
      set: new Set(['b']),
      nested: { text: 'é€😀', empty: '' },
    };
    const back = decode(encode(message)) as typeof message;
    expect(back).toEqual(message);
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect(back.buffer).toBeInstanceOf(ArrayBuffer);
    expect('gone' in back).toBe(false); // as a JSON reviver must: the key reads as undefined
  });

  it('gives a Node Buffer to the page as a Uint8Array of its own bytes only', () => {
    const pooled = Buffer.from('hello world').subarray(6);
    const back = decode(encode(pooled)) as Uint8Array;
    expect(back.constructor).toBe(Uint8Array);
    expect(Buffer.from(back).toString()).toBe('world');
  });
});
