import Papa from 'papaparse';

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvProblem {
  /** 1-based line of the file where the row starts. */
  line: number;
  message: string;
}

export interface ParsedCsv {
  delimiter: CsvDelimiter;
  /** Every row as its cells; empty lines are left out. */
  rows: string[][];
  /** Where each row starts in the file (1-based), for messages that name the line. */
  lines: number[];
  problems: CsvProblem[];
}

/**
 * Parses CSV text with PapaParse (RFC 4180 quoting, quotes doubled inside quotes, line breaks
 * inside quoted cells, \r\n, \n or \r). The delimiter is the user's choice, or the one of
 * `,` `;` tab `|` that cuts the first lines into the most consistent number of cells.
 */
export function parseCsv(text: string, delimiter?: CsvDelimiter): ParsedCsv {
  const chosen = delimiter ?? guessDelimiter(text);
  const { rows, lines, problems } = parsePiece(text, chosen);
  return { delimiter: chosen, rows, lines, problems };
}

/** Line endings PapaParse tells apart; it guesses one from the first megabyte when not told. */
export type CsvNewline = '\r\n' | '\n' | '\r';

/**
 * One text parsed alone: its rows, the line (1-based, within the text) each starts on, and
 * PapaParse's problems with their codes. `newline` is the row end to use (guessed if absent),
 * and comes back as the one used.
 */
export function parsePiece(
  text: string,
  delimiter: CsvDelimiter,
  newline?: CsvNewline,
): Omit<ParsedCsv, 'delimiter'> & { newline: CsvNewline; unterminated: boolean } {
  // Empty lines are left out here, not by PapaParse: its problems count rows with them.
  const result = Papa.parse<string[]>(text, { delimiter, ...(newline ? { newline } : {}) });
  const used = (result.meta.linebreak as CsvNewline | undefined) ?? newline ?? '\n';
  const starts = lineStarts(text, result.data.length, delimiter, used);
  const rows: string[][] = [];
  const lines: number[] = [];
  result.data.forEach((row, i) => {
    if (row.length === 1 && row[0] === '') return;
    rows.push(row);
    lines.push(starts[i]!);
  });
  return {
    rows,
    lines,
    problems: result.errors.map((error) => ({
      line: error.row !== undefined ? (starts[error.row] ?? 0) : 0,
      message: error.message,
    })),
    newline: used,
    // A quoted cell still open at the end of the text (PapaParse ran out of input in it).
    unterminated: result.errors.some((error) => error.code === 'MissingQuotes'),
  };
}

/** Line breaks in `text` as the line numbers count them: \r\n, \n and \r are one each. */
export function lineBreaks(text: string): number {
  let count = 0;
  // Every \n, then every \r not followed by \n (a \r\n was counted by its \n).
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 10) count++;
  }
  return count;
}

/** The delimiter that gives the first lines the same number of cells, more than one. */
export function guessDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const delimiter of CSV_DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, {
      delimiter,
      preview: 20,
      skipEmptyLines: true,
    }).data;
    if (rows.length === 0) continue;
    const widths = rows.map((row) => row.length);
    const first = widths[0]!;
    if (first < 2) continue;
    const same = widths.filter((w) => w === first).length;
    // Most rows as wide as the header, then the more cells the better.
    const score = (same / widths.length) * 1000 + Math.min(first, 999);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The file line where each of PapaParse's rows starts (empty ones included), found by walking
 * the text once with its quoting rules (see `quoteCloses`): a row ends at `newline` outside a
 * quoted cell. Every \r\n, \n or \r counts a line, inside a quoted cell too.
 */
function lineStarts(
  text: string,
  rowCount: number,
  delimiter: CsvDelimiter,
  newline: CsvNewline,
): number[] {
  const starts = [1];
  let line = 1;
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < text.length && starts.length < rowCount; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 || (code === 10 && text.charCodeAt(i - 1) !== 13)) line++;
    if (!quoted && text.startsWith(newline, i)) {
      // \r\n is one line, as `lineBreaks` counts it, whichever of the two ends the row.
      if (newline === '\r\n') i++;
      starts.push(line);
      cellStart = true;
    } else if (code !== 34) {
      if (!quoted) cellStart = text.startsWith(delimiter, i);
    } else if (!quoted) {
      quoted = cellStart;
      cellStart = false;
    } else if (text.charCodeAt(i + 1) === 34) {
      i++;
    } else if (quoteCloses(text, i, delimiter, newline) !== 'text') {
      quoted = false;
    }
  }
  return starts;
}

/** Rows under a header row as records; a row with fewer cells gets '' for the rest. */
export function toRecords(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/**
 * After the quote at `quote` (not doubled): where the next cell starts, and whether a row
 * ended, if it closes the cell; 'text' if it does not; null if the text is too short to tell.
 * Like PapaParse, any white space (not the delimiter or the line end) may come between.
 */
export function quoteCloses(
  text: string,
  quote: number,
  delimiter: string,
  newline: CsvNewline,
): { next: number; rowEnd: boolean } | 'text' | null {
  let j = quote + 1;
  while (
    j < text.length &&
    !text.startsWith(delimiter, j) &&
    !text.startsWith(newline, j) &&
    /\s/.test(text[j]!)
  ) {
    j++;
  }
  if (j >= text.length) return null;
  if (text.startsWith(delimiter, j)) return { next: j + delimiter.length, rowEnd: false };
  if (text.startsWith(newline, j)) {
    if (newline === '\r' && j + 1 >= text.length) return null;
    return { next: j + newline.length, rowEnd: true };
  }
  // A \r whose \n may still come, when the line end is \r\n.
  if (newline === '\r\n' && text[j] === '\r' && j + 1 >= text.length) return null;
  return 'text';
}
