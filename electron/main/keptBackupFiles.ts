import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { KeptBackup } from '../../shared/contract/vaultTypes';
import { AppError } from '../../shared/errors';
import { keptBackupName, keptInOrder, type KeptBackups } from '../../shared/vault/keptBackups';
import { writePrivately } from './privateFile';

const INDEX = 'kept.json';
const indexSchema = z.array(
  z.strictObject({
    name: z.string(),
    keptAt: z.number(),
    records: z.record(z.string(), z.number()),
  }),
);

/**
 * The desktop app keeps the backups made before a restore as files in its own data folder
 * (`<userData>/backups-before-restore`, 0700; each file 0600, written like every backup), with
 * a small index of when each was kept and what it held. Only names listed there and present in
 * the folder are ever read or deleted: nothing else in the folder is touched.
 */
export function keptBackupFiles(folder: string): KeptBackups {
  const readIndex = async (): Promise<KeptBackup[]> => {
    const [text, present] = await Promise.all([
      readFile(join(folder, INDEX), 'utf8').catch(() => '[]'),
      readdir(folder).catch(() => [] as string[]),
    ]);
    let listed: KeptBackup[] = [];
    try {
      listed = indexSchema.parse(JSON.parse(text));
    } catch {
      // A damaged index lists nothing: the files stay, the user can still find them in the folder.
    }
    return listed.filter((k) => present.includes(k.name));
  };
  // Keeps are made one at a time (restores are), but nothing relies on it.
  let writing: Promise<unknown> = Promise.resolve();
  return {
    keep: (made, at) => {
      const run = writing.then(async () => {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        const listed = await readIndex();
        const name = keptBackupName(at, new Set(listed.map((k) => k.name)));
        await writePrivately(join(folder, name), made.bytes);
        const { kept, dropped } = keptInOrder([
          ...listed,
          { name, keptAt: at, records: made.records },
        ]);
        await writePrivately(join(folder, INDEX), JSON.stringify(kept));
        await Promise.all(dropped.map((k) => rm(join(folder, k.name), { force: true })));
        return name;
      });
      writing = run.catch(() => undefined);
      return run;
    },
    list: async () => keptInOrder(await readIndex()).kept,
    read: async (name) => {
      if (!(await readIndex()).some((k) => k.name === name)) {
        throw new AppError('NOT_FOUND', `No backup kept before a restore is named ${name}`);
      }
      return new Uint8Array(await readFile(join(folder, name)));
    },
  };
}
