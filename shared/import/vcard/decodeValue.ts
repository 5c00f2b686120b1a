import { decodeText } from '../decodeText';
import type { ContentLine } from './contentLine';

/** A property's value as text, and what went wrong decoding it, if anything. */
export interface DecodedValue {
  /** Still escaped (`\,` `\;` `\n`); line ends as '\n'. null when it could not be decoded. */
  text: string | null;
  problem?: string;
}

/**
 * The text of a property's value: quoted-printable and base64 bytes decoded in the property's
 * CHARSET (UTF-8, else Windows-1252, when it names none). A CHARSET on a plain value is ignored:
 * the file was already read as text as a whole.
 */
export function decodeValue(property: ContentLine): DecodedValue {
  const { encoding, charset } = property;
  if (encoding === 'plain') return { text: normaliseLineEnds(property.value) };
  if (typeof encoding === 'object')
    return {
      text: null,
      problem: `unknown encoding "${encoding.other}"; ${property.name} left out`,
    };
  const decoder = decoderFor(charset);
  const text =
    encoding === 'base64'
      ? decodeBase64(property.value, decoder.decode)
      : decodeQuotedPrintable(property.value, decoder.decode);
  if (text === null)
    return { text: null, problem: `${property.name} is not valid base64; left out` };
  return decoder.problem === undefined
    ? { text: normaliseLineEnds(text) }
    : { text: normaliseLineEnds(text), problem: decoder.problem };
}

type Decode = (bytes: Uint8Array) => string;

function decoderFor(charset: string): { decode: Decode; problem?: string } {
  const guess: Decode = (bytes) => decodeText(bytes).text;
  if (charset === '') return { decode: guess };
  try {
    const decoder = new TextDecoder(charset);
    return { decode: (bytes) => decoder.decode(bytes) };
  } catch {
    return {
      decode: guess,
      problem: `unknown charset "${charset}"; read as UTF-8 or Windows-1252`,
    };
  }
}

/**
 * `=XX` is a byte, `=` at the very end a soft break already joined by the line reader; other
 * ASCII characters are themselves. A non-ASCII character (a writer that did not encode it) is
 * kept as it is, the bytes around it decoded on their own.
 */
export function decodeQuotedPrintable(value: string, decode: Decode): string {
  let out = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length > 0) out += decode(Uint8Array.from(bytes));
    bytes = [];
  };
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x3d && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (code === 0x3d && i === value.length - 1) {
      // A soft break left at the end of the value: nothing.
    } else if (code < 0x80) {
      bytes.push(code);
    } else {
      flush();
      out += value[i];
    }
  }
  flush();
  return out;
}

function decodeBase64(value: string, decode: Decode): string | null {
  try {
    const binary = atob(value.replace(/\s+/g, ''));
    return decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Splits on `separator` where it is not escaped by a backslash; the parts stay escaped. */
export function splitEscaped(text: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** `\n` `\N` are a line end; `\\` `\,` `\;` `\:` `\"` the character; any other backslash stays. */
export function unescapeText(text: string): string {
  return text.replace(/\\([nN\\,;:"])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
