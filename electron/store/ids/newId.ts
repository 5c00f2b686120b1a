const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** Random bytes drawn at once: 4096 ids (getRandomValues gives at most 65,536 bytes a call). */
const POOL_BYTES = 16 * 4096;
let pool = new Uint8Array(0);
let next = 0;

/**
 * A random (version 4) UUID, as `crypto.randomUUID()` makes, from random bytes drawn 4096 ids
 * at a time: an import of 100k customers and their change-log entries needs 200k ids, and one
 * `randomUUID` call each cost 0.3 s of its run. Ids are not secrets; their bytes come from the
 * same generator.
 */
export function newId(): string {
  if (next + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    next = 0;
  }
  const b = pool;
  const i = next;
  next += 16;
  const version = HEX[(b[i + 6]! & 0x0f) | 0x40]!;
  const variant = HEX[(b[i + 8]! & 0x3f) | 0x80]!;
  return (
    HEX[b[i]!]! +
    HEX[b[i + 1]!]! +
    HEX[b[i + 2]!]! +
    HEX[b[i + 3]!]! +
    '-' +
    HEX[b[i + 4]!]! +
    HEX[b[i + 5]!]! +
    '-' +
    version +
    HEX[b[i + 7]!]! +
    '-' +
    variant +
    HEX[b[i + 9]!]! +
    '-' +
    HEX[b[i + 10]!]! +
    HEX[b[i + 11]!]! +
    HEX[b[i + 12]!]! +
    HEX[b[i + 13]!]! +
    HEX[b[i + 14]!]! +
    HEX[b[i + 15]!]!
  );
}
