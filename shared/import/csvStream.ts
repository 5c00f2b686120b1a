import Papa from 'papaparse';
import {
  guessDelimiter,
  lineBreaks,
  parsePiece,
  quoteCloses,
  type CsvDelimiter,
  type CsvNewline,
  type ParsedCsv,
} from './parseCsv';

/** PapaParse guesses the line ending from the first megabyte: a stream waits for as much. */
const GUESS_CHARS = 1024 * 1024;

/**
 * CSV text that arrives in parts (a big file read a few megabytes at a time), parsed a batch
 * of rows at a time exactly as the whole text would be, so that only one part's rows are in
 * memory at once. Each batch's lines are the file's. The delimiter and the line ending are
 * guessed from the same first characters as `parseCsv` guesses them from.
 *
 * The text is cut just after a row's end, found by following PapaParse's quoting rules
 * (`RowEnds`); each part is then parsed alone. Should a cut ever fall inside a quoted cell
 * (PapaParse reports it unterminated), the part is not taken: it grows until the next cut.
 */
export async function* parseCsvStream(
  texts: AsyncIterable<string>,
  delimiter?: CsvDelimiter,
  /** Both already known (tests use it to cut small texts). */
  known?: { delimiter: CsvDelimiter; newline: CsvNewline },
): AsyncGenerator<ParsedCsv> {
  let buffer = '';
  let how = known ?? null;
  let ends = known ? new RowEnds(known.delimiter, known.newline) : null;
  let linesBefore = 0;
  for await (const text of texts) {
    buffer += text;
    if (!how) {
      if (buffer.length < GUESS_CHARS) continue;
      how = settle(buffer, delimiter);
      ends = new RowEnds(how.delimiter, how.newline);
    }
    const cut = ends!.scan(buffer);
    if (cut === 0) continue;
    const piece = buffer.slice(0, cut);
    const parsed = parsePiece(piece, how.delimiter, how.newline);
    if (parsed.unterminated) continue;
    buffer = buffer.slice(cut);
    ends!.shift(cut);
    yield shifted(parsed, how.delimiter, linesBefore);
    linesBefore += lineBreaks(piece);
  }
  how ??= settle(buffer, delimiter);
  if (buffer !== '') {
    yield shifted(parsePiece(buffer, how.delimiter, how.newline), how.delimiter, linesBefore);
  }
}

function settle(
  start: string,
  delimiter: CsvDelimiter | undefined,
): { delimiter: CsvDelimiter; newline: CsvNewline } {
  const chosen = delimiter ?? guessDelimiter(start);
  // PapaParse's own guess, from the same first megabyte the whole text's parse would use.
  const meta = Papa.parse(start.slice(0, GUESS_CHARS), { delimiter: chosen, preview: 1 }).meta;
  return { delimiter: chosen, newline: (meta.linebreak as CsvNewline | undefined) ?? '\n' };
}

function shifted(
  parsed: Omit<ParsedCsv, 'delimiter'>,
  delimiter: CsvDelimiter,
  linesBefore: number,
): ParsedCsv {
  return {
    delimiter,
    rows: parsed.rows,
    lines: parsed.lines.map((line) => line + linesBefore),
    problems: parsed.problems.map((p) => ({
      ...p,
      line: p.line > 0 ? p.line + linesBefore : 0,
    })),
  };
}

/**
 * Finds where rows end in CSV text that grows at its end, with PapaParse's rules: a quote
 * opens a quoted cell only as a cell's first character; inside, a doubled quote is a quote,
 * and a quote closes the cell only when spaces at most stand between it and a delimiter or
 * a line end (any other quote is kept as text). Scanning resumes where it stopped.
 */
export class RowEnds {
  /** Where scanning resumes: a cell's start, or (quoted) the next character to search. */
  private at = 0;
  private quoted = false;
  private lastEnd = 0;

  constructor(
    private readonly delimiter: string,
    private readonly newline: CsvNewline,
  ) {}

  /** Just after the last row end found in `text` so far (0: none yet). */
  scan(text: string): number {
    const { delimiter, newline } = this;
    let i = this.at;
    for (;;) {
      if (this.quoted) {
        const quote = text.indexOf('"', i);
        // The closing quote, or what follows one, is not there yet.
        if (quote === -1 || quote === text.length - 1) break;
        if (text[quote + 1] === '"') {
          i = quote + 2;
          continue;
        }
        const closed = quoteCloses(text, quote, delimiter, newline);
        if (closed === null) break;
        if (closed === 'text') {
          i = quote + 1;
          continue;
        }
        this.quoted = false;
        i = closed.next;
        if (closed.rowEnd && !splitsCrLf(text, i)) this.lastEnd = i;
        continue;
      }
      if (i >= text.length) break;
      // No quote before a row's end: no quoted cell can hide a line end there, so the rows up
      // to the last line end before the next quote (or the text's end) are whole. Most files
      // have few quotes: this skips them a row block at a time, not a cell at a time.
      if (newline !== '\r') {
        const quote = text.indexOf('"', i);
        const before = quote === -1 ? text.length : quote;
        const end = text.lastIndexOf(newline, before - newline.length);
        if (end >= i) {
          i = end + newline.length;
          this.lastEnd = i;
          continue;
        }
        if (quote === -1) break;
      }
      if (text[i] === '"') {
        this.quoted = true;
        i++;
        continue;
      }
      const nextDelimiter = text.indexOf(delimiter, i);
      const nextNewline = text.indexOf(newline, i);
      if (nextNewline !== -1 && (nextDelimiter === -1 || nextNewline < nextDelimiter)) {
        // A lone \r as the line end may be the first half of \r\n: wait for what follows.
        if (newline === '\r' && nextNewline === text.length - 1) break;
        i = nextNewline + newline.length;
        if (!splitsCrLf(text, i)) this.lastEnd = i;
      } else if (nextDelimiter !== -1) {
        i = nextDelimiter + delimiter.length;
      } else {
        break;
      }
    }
    this.at = i;
    return this.lastEnd;
  }

  /** The first `cut` characters were taken away from the text. */
  shift(cut: number): void {
    this.at -= cut;
    this.lastEnd -= cut;
  }
}

/** A cut here would part a \r from its \n (the line end being \r): the line count would differ. */
function splitsCrLf(text: string, at: number): boolean {
  return text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10;
}
