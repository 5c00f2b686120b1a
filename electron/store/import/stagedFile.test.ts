import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { MAX_CELL_CHARS, MAX_COLUMNS, readAllRows, stageFile, type StagedFile } from './stagedFile';
import { blobBytes } from './upload';

const corpus = new URL('../../../../shared/corpus/', import.meta.url).pathname;
const files = (readdirSync(corpus, { recursive: true }) as string[])
  .filter((f) => /\.(csv|tsv|txt)$/i.test(f) && !f.endsWith('SOURCE.md'))
  .sort();

/** Staged as a small file (rows kept) or as a big one (read again, 7 bytes at a time). */
async function staged(path: string, big: boolean): Promise<StagedFile | string> {
  const file = blobBytes(new Blob([readFileSync(join(corpus, path))]));
  const sizes = big ? { keepRowsBytes: 0, readBytes: 7 } : undefined;
  try {
    return await stageFile({ name: 'f', file }, {}, 'file', [], sizes);
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}

async function everyRow(file: StagedFile) {
  const rows: string[][] = [];
  const lines: number[] = [];
  for await (const batch of file.batches()) {
    rows.push(...batch.rows);
    lines.push(...batch.lines);
  }
  return { rows, lines };
}

describe('a big file is read again in parts at each step, with the same outcome', () => {
  it.each(files)('%s', async (path) => {
    const small = await staged(path, false);
    const big = await staged(path, true);
    if (typeof small === 'string') return expect(big).toBe(small);
    if (typeof big === 'string') throw new Error(big);
    expect(big.inspection).toEqual(small.inspection);
    const rows = await everyRow(small);
    expect(await everyRow(big)).toEqual(rows);
    expect(rows.rows).toHaveLength(small.inspection.rows);
    const { suggested, dateOrder } = small.inspection;
    expect(await readAllRows(big, suggested, dateOrder, [])).toEqual(
      await readAllRows(small, suggested, dateOrder, []),
    );
    const wanted = new Set(rows.lines.filter((_, i) => i % 3 === 1));
    expect(await big.cellsAt(wanted)).toEqual(await small.cellsAt(wanted));
  });

  it('a file that is UTF-8 until its last bytes is read again as Windows-1252', async () => {
    const head = new TextEncoder().encode(`Nom;Ville\n${'Dupont;Lyon\n'.repeat(2000)}`);
    const bytes = new Uint8Array([
      ...head,
      ...[0x41, 0x6e, 0x64, 0x72, 0xe9, 0x3b, 0x4e, 0x69, 0x63, 0x65, 0x0a],
    ]);
    const file = await stageFile({ name: 'f', file: blobBytes(new Blob([bytes])) }, {}, 'f', [], {
      keepRowsBytes: 0,
      readBytes: 1000,
    });
    expect(file.inspection).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rows: 2001 });
    const { rows, lines } = await everyRow(file);
    expect(rows.at(-1)).toEqual(['André', 'Nice']);
    expect(lines.at(-1)).toBe(2002);
  });
});

describe('a file with too many columns or too long a cell is refused at inspect', () => {
  const stage = (text: string) =>
    stageFile({ name: 'f', file: blobBytes(new Blob([text])) }, {}, 'f', []);

  it('names the row with too many columns', async () => {
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',');
    await expect(stage(`name,email\nAnn,ann@example.org\n${wide}\n`)).rejects.toThrow(
      `Row 3 has ${MAX_COLUMNS + 1} columns, more than the ${MAX_COLUMNS} a file may have`,
    );
  });

  it('names the row and column of too long a cell', async () => {
    const long = 'x'.repeat(MAX_CELL_CHARS + 1);
    await expect(stage(`name,email\nAnn,ann@example.org\nBob,${long}\n`)).rejects.toThrow(
      `Row 3, column 2 has ${MAX_CELL_CHARS + 1} characters, more than the ${MAX_CELL_CHARS} a cell may have`,
    );
  });
});
