import { rename, stat, readFile, writeFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type * as Electron from 'electron';
import type { HostHandlers } from '../../shared/contract/host';
import { IMPORT_BYTES_MAX } from '../../shared/contract/imports';
import { BACKUP_BYTES_MAX } from '../../shared/contract/vault';
import { BACKUP_EXTENSION } from '../../shared/vault/backupFile';
import { AppError } from '../../shared/errors';

export type FileDialogs = Pick<Electron.Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/**
 * The desktop app's files: main shows the system's open and save dialogs and does every read
 * and write, so the sandboxed windows never touch the disk. A file is written beside its
 * final name first, then renamed over it: a crash or a full disk leaves no half-written file.
 */
export function createFileHandlers(
  dialog: FileDialogs,
  folders: { downloads: () => string },
): Pick<HostHandlers, 'host.openFile' | 'host.saveFile'> {
  return {
    'host.openFile': async ({ purpose }) => {
      const backup = purpose === 'backup';
      const picked = await dialog.showOpenDialog({
        properties: ['openFile'],
        filters: [
          backup
            ? { name: 'Comptoir backup', extensions: [BACKUP_EXTENSION] }
            : { name: 'CSV, vCard', extensions: ['csv', 'tsv', 'txt', 'vcf'] },
          { name: '*', extensions: ['*'] },
        ],
      });
      const path = picked.filePaths[0];
      if (picked.canceled || path === undefined) return null;
      const { size } = await stat(path);
      const max = backup ? BACKUP_BYTES_MAX : IMPORT_BYTES_MAX;
      if (size > max) {
        throw new AppError('BAD_FILE', `${basename(path)} is larger than ${max / 2 ** 20} MB`, {
          name: basename(path),
        });
      }
      return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
    },
    'host.saveFile': async ({ name, bytes }) => {
      const chosen = await dialog.showSaveDialog({
        defaultPath: join(folders.downloads(), name),
      });
      if (chosen.canceled || !chosen.filePath) return { saved: false };
      const partial = `${chosen.filePath}.partial`;
      try {
        await writeFile(partial, bytes);
        await rename(partial, chosen.filePath);
      } catch (error) {
        await rm(partial, { force: true });
        throw new AppError('BAD_FILE', `Could not write ${basename(chosen.filePath)}`, {
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      return { saved: true };
    },
  };
}
