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
  const result = Papa.parse<string[]>(text, {
    delimiter: chosen,
    skipEmptyLines: true,
  });
  const lines = lineStarts(text, result.data.length);
  return {
    delimiter: chosen,
    rows: result.data,
    lines,
    problems: result.errors.map((error) => ({
      line: error.row !== undefined ? (lines[error.row] ?? 0) : 0,
      message: error.message,
    })),
  };
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
 * The file line where each row starts, found by walking the text once with the same quoting
 * rules (a quote opens or closes a quoted cell; a doubled quote inside one is a quote).
 */
function lineStarts(text: string, rowCount: number): number[] {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let rowOpen = false;
  for (let i = 0; i < text.length && starts.length < rowCount; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      if (!inQuotes) rowOpen = false;
      continue;
    }
    if (!rowOpen) {
      starts.push(line);
      rowOpen = true;
    }
    if (code === 34) {
      if (inQuotes && text.charCodeAt(i + 1) === 34) i++;
      else inQuotes = !inQuotes;
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
