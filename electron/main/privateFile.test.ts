import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivately } from './privateFile';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'comptoir-private-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writePrivately', () => {
  it.skipIf(process.platform === 'win32')(
    'writes 0600 over an existing file, no temp left',
    async () => {
      const path = join(dir, 'export.csv');
      writeFileSync(path, 'old', { mode: 0o644 });
      await writePrivately(path, 'new');
      expect(readFileSync(path, 'utf8')).toBe('new');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readdirSync(dir)).toEqual(['export.csv']);
    },
  );

  it('leaves nothing behind when the folder cannot be written', async () => {
    await expect(writePrivately(join(dir, 'gone', 'x.csv'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
