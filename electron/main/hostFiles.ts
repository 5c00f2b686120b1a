import { randomUUID } from 'node:crypto';
import { open, stat, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type * as Electron from 'electron';
import type { HostHandlers } from '../../shared/contract/host';
import { IMPORT_BYTES_MAX } from '../../shared/contract/imports';
import { BACKUP_BYTES_MAX } from '../../shared/contract/vault';
import { BACKUP_EXTENSION } from '../../shared/vault/backupFile';
import { AppError } from '../../shared/errors';
import { writePrivately } from './privateFile';

export type FileDialogs = Pick<Electron.Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/** What the app ever saves: exports, reports, backups. A name from the UI gets nothing else. */
export const SAVED_EXTENSIONS = [
  'csv',
  'tsv',
  'txt',
  'vcf',
  'json',
  'xlsx',
  'pdf',
  BACKUP_EXTENSION,
];

/**
 * The name the save dialog suggests: the base name only (a path in it is dropped, on either
 * separator), no control characters, and one of the extensions the app saves.
 */
export function suggestedName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const base = (name.split(/[\\/]/).at(-1) ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const extension = extname(base).slice(1).toLowerCase();
  if (!base || base.startsWith('.') || !SAVED_EXTENSIONS.includes(extension)) {
    throw new AppError(
      'VALIDATION',
      `Comptoir does not save a file named ${JSON.stringify(name)}`,
      {
        problems: [{ path: ['name'], rule: 'extension' }],
      },
    );
  }
  return base;
}

/**
 * The desktop app's files: main shows the system's open and save dialogs and does every read
 * and write, so the sandboxed windows never touch the disk. A file is written beside its
 * final name first, then renamed over it: a crash or a full disk leaves no half-written file.
 */
export function createFileHandlers(
  dialog: FileDialogs,
  folders: { downloads: () => string },
): Pick<
  HostHandlers,
  'host.openFile' | 'host.openImportFile' | 'host.readFilePart' | 'host.saveFile'
> {
  /** The file to import the user chose last: only it can be read, a part at a time. */
  let opened: { token: string; path: string; size: number } | null = null;

  const choose = async (filter: Electron.FileFilter, max: number) => {
    const picked = await dialog.showOpenDialog({
      properties: ['openFile'],
      filters: [filter, { name: '*', extensions: ['*'] }],
    });
    const path = picked.filePaths[0];
    if (picked.canceled || path === undefined) return null;
    const { size } = await stat(path);
    if (size > max) {
      throw new AppError('BAD_FILE', `${basename(path)} is larger than ${max / 2 ** 20} MB`, {
        name: basename(path),
      });
    }
    return { path, size };
  };

  return {
    'host.openFile': async () => {
      const chosen = await choose(
        { name: 'Comptoir backup', extensions: [BACKUP_EXTENSION] },
        BACKUP_BYTES_MAX,
      );
      if (!chosen) return null;
      return { name: basename(chosen.path), bytes: new Uint8Array(await readFile(chosen.path)) };
    },
    'host.openImportFile': async () => {
      const chosen = await choose(
        { name: 'CSV, vCard', extensions: ['csv', 'tsv', 'txt', 'vcf'] },
        IMPORT_BYTES_MAX,
      );
      if (!chosen) return null;
      opened = { token: randomUUID(), ...chosen };
      return { token: opened.token, name: basename(chosen.path), size: chosen.size };
    },
    'host.readFilePart': async ({ token, offset, length }) => {
      if (opened?.token !== token) {
        throw new AppError('NOT_FOUND', 'The file to import is no longer open: choose it again');
      }
      const { path } = opened;
      const buffer = new Uint8Array(Math.max(0, Math.min(length, opened.size - offset)));
      try {
        const handle = await open(path, 'r');
        try {
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
          return bytesRead === buffer.length ? buffer : buffer.slice(0, bytesRead);
        } finally {
          await handle.close();
        }
      } catch (error) {
        throw new AppError('BAD_FILE', `Could not read ${basename(path)}`, {
          name: basename(path),
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    },
    'host.saveFile': async ({ name, bytes }) => {
      const chosen = await dialog.showSaveDialog({
        defaultPath: join(folders.downloads(), suggestedName(name)),
      });
      if (chosen.canceled || !chosen.filePath) return { saved: false };
      try {
        await writePrivately(chosen.filePath, bytes);
      } catch (error) {
        throw new AppError('BAD_FILE', `Could not write ${basename(chosen.filePath)}`, {
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      return { saved: true };
    },
  };
}
