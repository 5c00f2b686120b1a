import { describe, expect, it } from 'vitest';
import { KEPT_BEFORE_RESTORE_MAX } from '../../../shared/vault/keptBackups';
import { keptBackupsDatabase } from './keptBackups';

const made = (n: number) => ({
  name: 'ignored',
  bytes: new Uint8Array([n, n, n]),
  records: { customers: n },
});

describe('backups kept before a restore, in browser mode', () => {
  it('keeps each in its own database, newest few, and gives the bytes back', async () => {
    const kept = keptBackupsDatabase(`kept-${crypto.randomUUID()}`);
    const names: string[] = [];
    for (let n = 1; n <= KEPT_BEFORE_RESTORE_MAX + 1; n++) {
      names.push(await kept.keep(made(n), 1_800_000_000_000 + n * 1000));
    }
    const listed = await kept.list();
    expect(listed.map((k) => k.name)).toEqual(names.slice(1).reverse());
    expect(listed[0]!.records).toEqual({ customers: KEPT_BEFORE_RESTORE_MAX + 1 });
    expect([...(await kept.read(names.at(-1)!))]).toEqual([4, 4, 4]);
    await expect(kept.read(names[0]!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never overwrites one kept in the same second', async () => {
    const kept = keptBackupsDatabase(`kept-${crypto.randomUUID()}`);
    const a = await kept.keep(made(1), 1_800_000_000_000);
    const b = await kept.keep(made(2), 1_800_000_000_000);
    expect(a).not.toBe(b);
    expect([...(await kept.read(a))]).toEqual([1, 1, 1]);
  });
});
