/** Property encodings a vCard may declare; `other` is one this reader does not know. */
export type VcardEncoding = 'plain' | 'quoted-printable' | 'base64' | { other: string };

/** One property of a card, unfolded, its name and parameters read, its value still encoded. */
export interface ContentLine {
  /** 1-based line of the file where the property starts. */
  line: number;
  /** The group prefix (`item1` in `item1.EMAIL`), or ''. */
  group: string;
  /** Upper case. */
  name: string;
  /** Parameter values by upper-case parameter name, RFC 6868 carets decoded. */
  params: Map<string, string[]>;
  /** TYPE values and bare vCard 2.1 parameters (`TEL;WORK;VOICE`), lower case, 'pref' left out. */
  types: string[];
  pref: number | null;
  encoding: VcardEncoding;
  /** CHARSET, lower case, or ''. */
  charset: string;
  /** The value as written after the first ':', unfolded. */
  value: string;
}

/** A line that is not a property: no ':' or no readable name. */
export interface BrokenLine {
  line: number;
  problem: string;
}

/** Longest property, unfolded, in characters: a photo of a few megabytes in base64 fits. */
export const MAX_PROPERTY_CHARS = 8_000_000;

const NAME = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/;
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;
const ENCODINGS: Record<string, VcardEncoding> = {
  'QUOTED-PRINTABLE': 'quoted-printable',
  QP: 'quoted-printable',
  BASE64: 'base64',
  B: 'base64',
  '7BIT': 'plain',
  '8BIT': 'plain',
};

/**
 * The properties of a .vcf text in file order. Lines are unfolded: a line starting with a space
 * or a tab continues the one before (one whitespace dropped, as vCard 3.0 and 4.0 say and as 2.1
 * writers do in practice); a quoted-printable value ending in `=` continues on the next line
 * (vCard 2.1 soft break); a base64 value continues on the following lines of base64 text (2.1
 * writers do not always indent them). Blank lines are skipped.
 */
export function readContentLines(
  text: string,
  maxPropertyChars = MAX_PROPERTY_CHARS,
  firstLine = 1,
): (ContentLine | BrokenLine)[] {
  const lines = splitLines(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const out: (ContentLine | BrokenLine)[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i + firstLine;
    let logical = lines[i++]!.replace(/^[ \t]+/, '');
    if (logical.trim() === '') continue;
    while (i < lines.length && /^[ \t]/.test(lines[i]!)) logical += lines[i++]!.slice(1);
    const property = readContentLine(logical, start);
    if ('problem' in property) {
      out.push(property);
      continue;
    }
    // Parts joined once at the end: re-slicing the whole value at each soft break was quadratic.
    const parts = [logical];
    let last = logical;
    let length = logical.length;
    if (property.encoding === 'quoted-printable') {
      while (last.endsWith('=') && i < lines.length && !/^END:VCARD\s*$/i.test(lines[i]!)) {
        parts[parts.length - 1] = last.slice(0, -1);
        last = lines[i++]!;
        parts.push(last);
        length += last.length - 1;
      }
    } else if (property.encoding === 'base64') {
      while (i < lines.length && BASE64_LINE.test(lines[i]!.trim())) {
        last = lines[i++]!.trim();
        parts.push(last);
        length += last.length;
      }
    }
    if (length > maxPropertyChars) {
      out.push({ line: start, problem: tooLong(property.name, length, maxPropertyChars) });
      continue;
    }
    property.value = valueOf(parts.length === 1 ? logical : parts.join(''));
    out.push(property);
  }
  return out;
}

function tooLong(name: string, length: number, max: number): string {
  return `${name} is ${length} characters long, more than the ${max} a property may have`;
}

/**
 * Lines end at LF, any CRs before it included: `\r\r\n` (CRLF written through a text-mode
 * writer, as in some iPhone and Thunderbird files) is one line end, and a lone CR inside a line
 * is kept as text (Thunderbird writes some in values). A file with no LF at all is split at CR.
 */
function splitLines(text: string): string[] {
  return text.includes('\n') ? text.split(/\r*\n/) : text.split('\r');
}

/** Reads `[group.]NAME[;param...]:value`; the first ':' outside double quotes ends the head. */
export function readContentLine(text: string, line: number): ContentLine | BrokenLine {
  const colon = headEnd(text);
  if (colon < 0) return { line, problem: `no ":" between a property name and its value` };
  const [nameText = '', ...paramTexts] = splitOutsideQuotes(text.slice(0, colon), ';');
  const name = NAME.exec(nameText.trim());
  if (!name) return { line, problem: `"${nameText.slice(0, 40)}" is not a property name` };
  const property: ContentLine = {
    line,
    group: name[1] ?? '',
    name: name[2]!.toUpperCase(),
    params: new Map(),
    types: [],
    pref: null,
    encoding: 'plain',
    charset: '',
    value: text.slice(colon + 1),
  };
  for (const param of paramTexts) addParam(property, param.trim());
  return property;
}

function valueOf(text: string): string {
  return text.slice(headEnd(text) + 1);
}

function headEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  // An unclosed quote in a parameter: fall back to the first ':' of all.
  return text.indexOf(':');
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function addParam(property: ContentLine, param: string): void {
  if (param === '') return;
  const equals = param.indexOf('=');
  // vCard 2.1 allows a parameter value alone: `TEL;WORK;VOICE`, `NOTE;QUOTED-PRINTABLE`.
  const name = equals < 0 ? bareParamName(param) : param.slice(0, equals).trim().toUpperCase();
  const rawValue = equals < 0 ? param : param.slice(equals + 1);
  const values = splitOutsideQuotes(rawValue, ',').map((v) => decodeCarets(unquote(v.trim())));
  property.params.set(name, [...(property.params.get(name) ?? []), ...values]);
  if (name === 'TYPE') {
    for (const value of values.flatMap((v) => v.split(','))) {
      const type = value.trim().toLowerCase();
      if (type === 'pref') property.pref ??= 1;
      else if (type !== '' && !property.types.includes(type)) property.types.push(type);
    }
  } else if (name === 'PREF') {
    const pref = Number.parseInt(values[0] ?? '', 10);
    property.pref = Number.isNaN(pref) ? 1 : pref;
  } else if (name === 'ENCODING') {
    const encoding = (values[0] ?? '').toUpperCase();
    property.encoding = ENCODINGS[encoding] ?? { other: values[0] ?? '' };
  } else if (name === 'CHARSET') {
    property.charset = (values[0] ?? '').toLowerCase();
  }
}

function bareParamName(value: string): string {
  const upper = value.toUpperCase();
  if (upper === 'PREF') return 'PREF';
  return upper in ENCODINGS ? 'ENCODING' : 'TYPE';
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
    ? value.slice(1, -1)
    : value;
}

/** RFC 6868: ^n is a newline, ^' a double quote, ^^ a caret, in parameter values. */
function decodeCarets(value: string): string {
  return value.replace(/\^([n'^])/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));
}
