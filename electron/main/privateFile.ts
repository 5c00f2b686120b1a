import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file readable by the user alone (0600: a backup or an export is personal data),
 * first under a name beside it that nobody can guess or have made first ('wx'), then renamed
 * over the target, so a reader never sees half a file. The temp file goes if anything fails.
 */
export async function writePrivately(path: string, bytes: Uint8Array | string): Promise<void> {
  const partial = join(dirname(path), `.${basename(path)}.${randomUUID()}.partial`);
  try {
    await writeFile(partial, bytes, { mode: 0o600, flag: 'wx' });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
