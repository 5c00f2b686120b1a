import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvStream } from './csvStream';
import { decodeParts, decodeText } from './decodeText';
import { parseCsv, parsePiece, type CsvDelimiter, type ParsedCsv } from './parseCsv';

const corpus = new URL('../../../shared/corpus/', import.meta.url).pathname;
const files = (readdirSync(corpus, { recursive: true }) as string[])
  .filter((f) => /\.(csv|tsv|txt|vcf)$/i.test(f))
  .sort();
const csvFiles = files.filter((f) => /\.(csv|tsv)$/i.test(f));

async function* partsOf<T extends string | Uint8Array>(whole: T, size: number): AsyncGenerator<T> {
  for (let i = 0; i < whole.length; i += size) yield whole.slice(i, i + size) as T;
}

/** Every batch of the stream joined: rows, lines and problems of the whole file. */
async function streamed(
  text: string,
  size: number,
  known?: { delimiter: CsvDelimiter; newline: '\n' | '\r\n' | '\r' },
): Promise<ParsedCsv & { batches: number }> {
  const out: ParsedCsv & { batches: number } = {
    delimiter: ',',
    rows: [],
    lines: [],
    problems: [],
    batches: 0,
  };
  for await (const batch of parseCsvStream(partsOf(text, size), known?.delimiter, known)) {
    out.delimiter = batch.delimiter;
    out.rows.push(...batch.rows);
    out.lines.push(...batch.lines);
    out.problems.push(...batch.problems);
    out.batches++;
  }
  return out;
}

/** The whole text's parse, and the line end PapaParse chose for it. */
function whole(text: string, delimiter?: CsvDelimiter) {
  const parsed = parseCsv(text, delimiter);
  const { newline } = parsePiece(text, parsed.delimiter);
  return { parsed, known: { delimiter: parsed.delimiter, newline } };
}

describe('parseCsvStream: a file parsed in parts gives what the whole text gives', () => {
  it.each(csvFiles)('%s, cut every 1, 7 and 64 characters', async (file) => {
    const { text } = decodeText(new Uint8Array(readFileSync(join(corpus, file))));
    const { parsed, known } = whole(text);
    for (const size of [1, 7, 64]) {
      const parts = await streamed(text, size, known);
      expect(parts.rows).toEqual(parsed.rows);
      expect(parts.lines).toEqual(parsed.lines);
      expect(parts.problems).toEqual(parsed.problems);
    }
  });

  it('random CSV-like text (quotes, delimiters, every line end, cut anywhere)', async () => {
    const char = fc.constantFrom('a', 'é', ',', ';', '"', '""', ' ', '\n', '\r\n', '\r', '\t');
    await fc.assert(
      fc.asyncProperty(
        fc.array(char, { maxLength: 120 }).map((c) => c.join('')),
        fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
        fc.integer({ min: 1, max: 20 }),
        async (text, delimiter, size) => {
          const { parsed, known } = whole(text, delimiter);
          const parts = await streamed(text, size, known);
          expect(parts.rows).toEqual(parsed.rows);
          expect(parts.lines).toEqual(parsed.lines);
          expect(parts.problems).toEqual(parsed.problems);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a 2.5 MB file: delimiter and line end guessed as for the whole, rows handed over in batches', async () => {
    const row = (i: number) =>
      `Dupont ${i};"Rue ${i}\r\nBât. B";${i % 7 === 0 ? '"dit ""Jo"""' : 'x'}\r\n`;
    const text = `Nom;Adresse;Note\r\n${Array.from({ length: 80_000 }, (_, i) => row(i)).join('')}`;
    expect(text.length).toBeGreaterThan(2_500_000);
    const { parsed } = whole(text);
    const parts = await streamed(text, 256 * 1024);
    expect(parts.delimiter).toBe(';');
    expect(parts.batches).toBeGreaterThan(5);
    expect(parts.rows).toEqual(parsed.rows);
    expect(parts.lines).toEqual(parsed.lines);
    expect(parts.lines.at(-1)).toBe(2 * 80_000);
  });

  it('an unterminated quote: the rest of the file is one cell, as in the whole text', async () => {
    const text = 'a,b\n1,"open\n2,3\n4,5\n';
    const { parsed, known } = whole(text);
    const parts = await streamed(text, 3, known);
    expect(parts.rows).toEqual(parsed.rows);
    expect(parts.problems).toEqual(parsed.problems);
    expect(parts.problems[0]).toMatchObject({ line: 2, message: 'Quoted field unterminated' });
  });
});

describe('decodeParts: a file decoded in parts gives the whole text', () => {
  it.each(files)('%s, cut every 5 bytes', async (file) => {
    const bytes = new Uint8Array(readFileSync(join(corpus, file)));
    const all = decodeText(bytes);
    const skip = all.bom ? (all.encoding === 'utf-8' ? 3 : 2) : 0;
    let text = '';
    for await (const part of decodeParts(partsOf(bytes, 5), all.encoding, {
      skip,
      strict: false,
    })) {
      text += part;
    }
    expect(text).toBe(all.text);
  });

  it('strict UTF-8 stops at the first byte that is not (to read the file as Windows-1252)', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Nom;Ville\nAndré;'), 0xe9, 0x0a]);
    const read = async () => {
      for await (const part of decodeParts(partsOf(bytes, 4), 'utf-8', { skip: 0, strict: true }))
        void part;
    };
    await expect(read()).rejects.toThrow(TypeError);
  });
});
