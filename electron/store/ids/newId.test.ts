import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newId } from './newId';

describe('newId', () => {
  it('makes version 4 UUIDs, all different, across several pools of random bytes', () => {
    const ids = Array.from({ length: 10_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    const uuid = z.uuid();
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(uuid.safeParse(id).success).toBe(true);
    }
    // Every hex digit shows up in every free position: the bytes are used, not a pattern.
    const free = [0, 9, 15, 20, 35];
    for (const at of free) expect(new Set(ids.map((id) => id[at])).size).toBe(16);
  });
});
