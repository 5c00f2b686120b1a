import { DIAGNOSES } from './diagnoses';

/** Where the parser is: the two parts of the address and the nested lexical contexts. */
export const CTX = {
  local: 0,
  domain: 1,
  literal: 2,
  comment: 3,
  fws: 4,
  quoted: 5,
  qpair: 6,
} as const;
export type Ctx = (typeof CTX)[keyof typeof CTX];

export type ParseState = {
  readonly email: string;
  /** UTF-16 index of the current token; handlers may move it (CRLF, re-reading after FWS). */
  i: number;
  token: string;
  now: Ctx;
  prev: Ctx;
  stack: Ctx[];
  prevToken: string;
  local: string;
  domain: string;
  literal: string;
  /** Domain atoms; the last one is the atom being read. */
  atoms: string[];
  elementCount: number;
  elementLength: number;
  crlfCount: number;
  hyphen: boolean;
  assertEnd: boolean;
  result: number;
};

export function newState(email: string): ParseState {
  return {
    email,
    i: 0,
    token: '',
    now: CTX.local,
    prev: CTX.local,
    stack: [CTX.local],
    prevToken: '',
    local: '',
    domain: '',
    literal: '',
    atoms: [''],
    elementCount: 0,
    elementLength: 0,
    crlfCount: 0,
    hyphen: false,
    assertEnd: false,
    result: DIAGNOSES.valid,
  };
}

export function update(s: ParseState, diagnosis: number): void {
  if (diagnosis > s.result) s.result = diagnosis;
}

export function push(s: ParseState, ctx: Ctx): void {
  s.stack.push(s.now);
  s.now = ctx;
}

export function pop(s: ParseState): void {
  s.prev = s.now;
  s.now = s.stack.pop() ?? CTX.local;
}

export function currentAtom(s: ParseState): string {
  return s.atoms[s.atoms.length - 1] ?? '';
}

export function appendDomain(s: ParseState, text: string): void {
  s.domain += text;
  s.atoms[s.atoms.length - 1] = currentAtom(s) + text;
}

/** At a CR: steps over the LF that must follow; false (and an error) when there is none. */
export function crlf(s: ParseState): boolean {
  s.i += 1;
  if (s.i < s.email.length && s.email[s.i] === '\n') return true;
  update(s, DIAGNOSES.errCRNoLF);
  return false;
}

export function utf8Bytes(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) bytes += utf8Bytes(ch.codePointAt(0) ?? 0);
  return bytes;
}

const SPECIALS = '()<>[]:;@\\,."';

export const isSpecial = (cp: number): boolean => SPECIALS.includes(String.fromCodePoint(cp));
/** is_email's C0 set includes the space (0-32). */
export const isC0 = (cp: number): boolean => cp <= 32;
/** is_email's C1 set includes DEL (127-159). */
export const isC1 = (cp: number): boolean => cp >= 127 && cp < 160;
