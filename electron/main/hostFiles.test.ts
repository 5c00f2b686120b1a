import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileHandlers, suggestedName, type FileDialogs } from './hostFiles';

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
  it('opens the backup the user picked, and nothing when they cancel', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'comptoir-files-'));
    const path = join(folder, 'comptoir.comptoir-backup');
    await writeFile(path, 'backup bytes');
    const picked = createFileHandlers(dialogs({ open: [path] }).dialog, {
      downloads: () => folder,
    });
    const file = await picked['host.openFile']({ purpose: 'backup' }, ctx);
    expect(file?.name).toBe('comptoir.comptoir-backup');
    expect(Buffer.from(file!.bytes).toString()).toBe('backup bytes');
    const cancelled = createFileHandlers(dialogs({}).dialog, { downloads: () => folder });
    expect(await cancelled['host.openFile']({ purpose: 'backup' }, ctx)).toBeNull();
  });

  it('hands a file to import out in parts, only the last one opened', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'comptoir-files-'));
    const path = join(folder, 'clients.csv');
    await writeFile(path, 'Nom;Prénom\nDupont;Marie\n', 'latin1');
    const files = createFileHandlers(dialogs({ open: [path] }).dialog, {
      downloads: () => folder,
    });
    const opened = await files['host.openImportFile']({}, ctx);
    expect(opened).toMatchObject({ name: 'clients.csv', size: 24 });
    const read = (offset: number, length: number) =>
      files['host.readFilePart']({ token: opened!.token, offset, length }, ctx);
    const parts = [await read(0, 10), await read(10, 10), await read(20, 10)];
    expect(parts.map((p) => p.length)).toEqual([10, 10, 4]);
    expect(Buffer.concat(parts).toString('latin1')).toBe('Nom;Prénom\nDupont;Marie\n');
    expect(await read(24, 10)).toHaveLength(0);
    const again = await files['host.openImportFile']({}, ctx);
    await expect(read(0, 10)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(again!.token).not.toBe(opened!.token);
    // The file gone between two parts: a clear error naming it.
    await rm(path);
    await expect(
      files['host.readFilePart']({ token: again!.token, offset: 0, length: 10 }, ctx),
    ).rejects.toMatchObject({ code: 'BAD_FILE', message: 'Could not read clients.csv' });
    const cancelled = createFileHandlers(dialogs({}).dialog, { downloads: () => folder });
    expect(await cancelled['host.openImportFile']({}, ctx)).toBeNull();
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
    // Personal data: readable by the user alone.
    expect((await stat(target)).mode & 0o777).toBe(0o600);
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

  it('suggests only a base name with an extension the app saves', () => {
    expect(suggestedName('../../.config/autostart/export.csv')).toBe('export.csv');
    expect(suggestedName('C:\\Users\\x\\report.PDF')).toBe('report.PDF');
    expect(suggestedName('cli\u0000ents.csv')).toBe('clients.csv');
    expect(suggestedName('comptoir-2026-12-07-0545.comptoir-backup')).toBe(
      'comptoir-2026-12-07-0545.comptoir-backup',
    );
    for (const name of ['run.sh', 'evil.desktop', '.bashrc', 'export', 'x.csv/']) {
      expect(() => suggestedName(name)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
  });
});
