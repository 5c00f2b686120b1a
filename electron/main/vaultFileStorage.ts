import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors';
import type { VaultFile } from '../../shared/vault/vaultFile';
import type { VaultStorage } from '../../shared/vault/vaultService';

/**
 * The wrapped keys, as JSON in the user's data folder. Written to a temporary file and renamed,
 * so a crash mid-write leaves the old file whole. Nothing in it opens the file without a secret.
 */
export function vaultFileStorage(path: string): VaultStorage {
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new AppError('BAD_FILE', `The key file ${path} is not valid JSON`);
      }
    },
    async write(vault: VaultFile) {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(vault, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, path);
    },
  };
}
