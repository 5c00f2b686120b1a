import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileHandlers, type FileDialogs } from './hostFiles';

const ctx = { signal: new AbortController().signal, progress: () => {} };

function dialogs(answer: { open?: string[]; save?: string }) {
  const asked: unknown[] = [];
  const dialog = {
    showOpenDialog: async (options: unknown) => {
      asked.push(options);
      return { canceled: !answer.open, filePaths: answer.open ?? [] };
    },
    showSaveDialog: async (options: unknown) => {
      asked.push(options);
      return answer.save ? { canceled: false, filePath: answer.save } : { canceled: true };
    },
  } as unknown as FileDialogs;
  return { dialog, asked };
}

describe('files through main', () => {
  it('reads the file the user picked, and nothing when they cancel', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'comptoir-files-'));
    const path = join(folder, 'clients.csv');
    await writeFile(path, 'Nom;Prénom\nDupont;Marie\n', 'latin1');
    const picked = createFileHandlers(dialogs({ open: [path] }).dialog, {
      downloads: () => folder,
    });
    const file = await picked['host.openFile']({ purpose: 'import' }, ctx);
    expect(file?.name).toBe('clients.csv');
    expect(Buffer.from(file!.bytes).toString('latin1')).toBe('Nom;Prénom\nDupont;Marie\n');
    const cancelled = createFileHandlers(dialogs({}).dialog, { downloads: () => folder });
    expect(await cancelled['host.openFile']({ purpose: 'import' }, ctx)).toBeNull();
  });

  it('writes where the user chose, starting in Downloads, never leaving half a file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'comptoir-files-'));
    const target = join(folder, 'export.csv');
    const { dialog, asked } = dialogs({ save: target });
    const save = createFileHandlers(dialog, { downloads: () => folder })['host.saveFile'];
    const bytes = new TextEncoder().encode('\uFEFFPrénom;Nom\r\n');
    expect(await save({ name: 'export.csv', mime: 'text/csv', bytes }, ctx)).toEqual({
      saved: true,
    });
    expect(asked[0]).toMatchObject({ defaultPath: join(folder, 'export.csv') });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(folder)).toEqual(['export.csv']);
    // A folder that cannot be written: a clear error, and no partial file left behind.
    const blocked = createFileHandlers(dialogs({ save: join(folder, 'missing', 'x.csv') }).dialog, {
      downloads: () => folder,
    })['host.saveFile'];
    await expect(blocked({ name: 'x.csv', mime: 'text/csv', bytes }, ctx)).rejects.toMatchObject({
      code: 'BAD_FILE',
      message: 'Could not write x.csv',
    });
    expect(await readdir(folder)).toEqual(['export.csv']);
    const cancelled = createFileHandlers(dialogs({}).dialog, { downloads: () => folder });
    expect(
      await cancelled['host.saveFile']({ name: 'y.csv', mime: 'text/csv', bytes }, ctx),
    ).toEqual({
      saved: false,
    });
  });
});
