import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEPT_BEFORE_RESTORE_MAX } from '../../shared/vault/keptBackups';
import { keptBackupFiles } from './keptBackupFiles';

const made = (n: number) => ({ name: 'x', bytes: new Uint8Array([n]), records: { customers: n } });

describe('backups kept before a restore, in the desktop app', () => {
  it('writes them 0600 in a 0700 folder, keeps the newest few, touches nothing else', async () => {
    const folder = join(await mkdtemp(join(tmpdir(), 'kept-')), 'backups-before-restore');
    const kept = keptBackupFiles(folder);
    const names: string[] = [];
    for (let n = 1; n <= KEPT_BEFORE_RESTORE_MAX + 1; n++) {
      names.push(await kept.keep(made(n), 1_800_000_000_000 + n * 1000));
      if (n === 1) await writeFile(join(folder, 'notes.txt'), 'mine');
    }
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    for (const name of names.slice(1)) {
      expect((await stat(join(folder, name))).mode & 0o777).toBe(0o600);
    }
    expect((await readdir(folder)).sort()).toEqual(
      [...names.slice(1), 'kept.json', 'notes.txt'].sort(),
    );
    const listed = await kept.list();
    expect(listed.map((k) => k.name)).toEqual(names.slice(1).reverse());
    expect(listed[0]!.records).toEqual({ customers: KEPT_BEFORE_RESTORE_MAX + 1 });
    expect([...(await kept.read(names.at(-1)!))]).toEqual([KEPT_BEFORE_RESTORE_MAX + 1]);
    await expect(kept.read(names[0]!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(kept.read('notes.txt')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists nothing from a damaged index, and keeps writing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kept-'));
    await writeFile(join(folder, 'kept.json'), '{not json');
    const kept = keptBackupFiles(folder);
    expect(await kept.list()).toEqual([]);
    const name = await kept.keep(made(1), 1_800_000_000_000);
    expect((await kept.list()).map((k) => k.name)).toEqual([name]);
  });
});
