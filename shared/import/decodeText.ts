/**
 * A file's bytes as text: the encodings spreadsheets and address books really write. A byte
 * order mark decides; without one, UTF-16 is recognised by its zero bytes, then UTF-8 is tried
 * strictly, and anything that is not valid UTF-8 is read as Windows-1252 (Excel's "CSV" on a
 * French or English Windows; a superset of Latin-1 for every printable character).
 */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether a byte order mark said so (and was dropped from the text). */
  bom: boolean;
}

/** Decodes `bytes`, in `encoding` when the user chose one, else in the one detected. */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): DecodedText {
  const start = readStart(bytes, encoding);
  const chosen = start.encoding ?? utf8OrWindows1252(bytes);
  const skip = start.bom && start.bom.encoding === chosen ? start.bom.length : 0;
  // ignoreBOM: the mark is dropped here, by its length, and only when it matches.
  const decoder = new TextDecoder(chosen, { ignoreBOM: true });
  return { text: decoder.decode(bytes.subarray(skip)), encoding: chosen, bom: skip > 0 };
}

/**
 * What a file's first bytes (4 KB or more) tell: the user's choice, a byte order mark, or
 * UTF-16's zero bytes; null when only the whole file can tell UTF-8 from Windows-1252.
 */
export function readStart(
  first: Uint8Array,
  chosen?: TextEncodingName,
): {
  encoding: TextEncodingName | null;
  bom: { encoding: TextEncodingName; length: number } | null;
} {
  const bom = bomOf(first);
  return { encoding: chosen ?? bom?.encoding ?? utf16Of(first), bom };
}

/**
 * A file read in parts, decoded part by part (a character cut between two parts is joined).
 * `strict`: a byte that is not valid in the encoding throws a TypeError (to try UTF-8 first).
 */
export async function* decodeParts(
  parts: AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
  options: { skip: number; strict: boolean },
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true, fatal: options.strict });
  let skip = options.skip;
  for await (const part of parts) {
    const text = decoder.decode(part.subarray(Math.min(skip, part.length)), { stream: true });
    skip = Math.max(0, skip - part.length);
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

function bomOf(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a mark: text in Latin scripts has a zero byte in every other position. */
function utf16Of(bytes: Uint8Array): TextEncodingName | null {
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const pairs = sample.length / 2;
  if (pairs >= 2 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (pairs >= 2 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function utf8OrWindows1252(bytes: Uint8Array): TextEncodingName {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}
