import { CATEGORY_BOUNDS, DIAGNOSES as D } from './diagnoses';
import { domainLiteral, domainPart } from './domainPart';
import { comment, foldingWhiteSpace, quotedPair, quotedString } from './lexical';
import { localPart } from './localPart';
import { toAsciiLength } from './punycode';
import { CTX, newState, update, utf8Length, type Ctx, type ParseState } from './parseState';

const HANDLERS: Record<Ctx, (s: ParseState, cp: number) => void> = {
  [CTX.local]: localPart,
  [CTX.domain]: domainPart,
  [CTX.literal]: domainLiteral,
  [CTX.comment]: comment,
  [CTX.fws]: foldingWhiteSpace,
  [CTX.quoted]: quotedString,
  [CTX.qpair]: quotedPair,
};

/**
 * isemail@3.2.0's `validate(address, { errorLevel: true })`, which calls Node's Buffer so cannot
 * run in a browser, plus the RFC5321_TLD warning of is_email that isemail dropped. No DNS.
 */
export function diagnoseEmail(address: string): number {
  // Most addresses are plain ASCII dot-atoms at a host name: valid without the full walk
  // (a 100k-row import checks 100k of them). Anything else, however unusual, takes the walk.
  if (isPlainAddress(address)) return D.valid;
  const s = newState(address.normalize('NFC'));
  while (s.i < s.email.length) {
    const cp = s.email.codePointAt(s.i) ?? 0;
    s.token = String.fromCodePoint(cp);
    HANDLERS[s.now](s, cp);
    if (s.result > CATEGORY_BOUNDS.RFC5322) break;
    s.i += s.token.length;
  }
  if (s.result < CATEGORY_BOUNDS.RFC5322) update(s, endOfInput(s));
  if (s.result < CATEGORY_BOUNDS.DNSWARN) {
    const tld = s.atoms[s.atoms.length - 1] ?? '';
    if ((tld.codePointAt(0) ?? Infinity) <= 57) update(s, D.rfc5321TLDNumeric);
    if (s.atoms.length === 1) update(s, D.rfc5321TLD);
  }
  return s.result;
}

// A dot-atom local part of at most 64 characters, '@', then labels of letters, digits and
// inner hyphens (at most 63 each), the last one (the TLD) letters only, 2 or more labels.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const PLAIN = new RegExp(
  `^${ATEXT}+(?:\\.${ATEXT}+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$`,
);

/** An address the walk below would find valid with nothing to say: see `diagnoseEmail`. */
export function isPlainAddress(address: string): boolean {
  return address.length <= 254 && address.indexOf('@') <= 64 && PLAIN.test(address);
}

function endOfInput(s: ParseState): number {
  const asciiDomainLength = toAsciiLength(s.domain);
  if (s.now === CTX.quoted) return D.errUnclosedQuotedString;
  if (s.now === CTX.qpair) return D.errBackslashEnd;
  if (s.now === CTX.comment) return D.errUnclosedComment;
  if (s.now === CTX.literal) return D.errUnclosedDomainLiteral;
  if (s.token === '\r') return D.errFWSCRLFEnd;
  if (s.domain.length === 0) return D.errNoDomain;
  if (s.elementLength === 0) return D.errDotEnd;
  if (s.hyphen) return D.errDomainHyphenEnd;
  // RFC 5321 4.5.3.1: a domain is at most 255 octets, a mailbox (path less "<>") 254.
  if (asciiDomainLength > 255) return D.rfc5322DomainTooLong;
  if (utf8Length(s.local) + asciiDomainLength + 1 > 254) return D.rfc5322TooLong;
  if (s.elementLength > 63) return D.rfc5322LabelTooLong;
  if (literalThenAtom(s.atoms)) return D.errDotAfterDomainLiteral;
  return D.valid;
}

function literalThenAtom(atoms: string[]): boolean {
  const literal = atoms.findIndex((atom) => atom.startsWith('['));
  return literal !== -1 && atoms.slice(literal + 1).some((atom) => !atom.startsWith('['));
}
