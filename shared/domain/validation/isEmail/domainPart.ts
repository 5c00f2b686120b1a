import { CATEGORY_BOUNDS, DIAGNOSES as D } from './diagnoses';
import { toAsciiLength } from './punycode';
import {
  appendDomain,
  CTX,
  crlf,
  currentAtom,
  isC0,
  isC1,
  isSpecial,
  pop,
  push,
  update,
  utf8Bytes,
  type ParseState,
} from './parseState';

// RFC 5322 3.4.1: domain = dot-atom / domain-literal / obs-domain
export function domainPart(s: ParseState, cp: number): void {
  if (s.token === '\r' && !crlf(s)) return;
  switch (s.token) {
    case '(':
      if (s.elementLength === 0) {
        update(s, s.elementCount === 0 ? D.deprecatedCFWSNearAt : D.deprecatedComment);
      } else {
        s.assertEnd = true;
        update(s, D.cfwsComment);
      }
      push(s, CTX.comment);
      return;
    case '.':
      if (s.elementLength === 0) {
        update(s, s.elementCount === 0 ? D.errDotStart : D.errConsecutiveDots);
      } else if (s.hyphen) {
        update(s, D.errDomainHyphenEnd);
      } else if (toAsciiLength(currentAtom(s)) > 63) {
        update(s, D.rfc5322LabelTooLong);
      }
      s.assertEnd = false;
      s.elementLength = 0;
      s.elementCount += 1;
      s.atoms.push('');
      s.domain += '.';
      return;
    case '[':
      if (currentAtom(s).length > 0) {
        update(s, D.errExpectingATEXT);
        return;
      }
      if (s.domain.length > 0) update(s, D.errDotAfterDomainLiteral);
      s.assertEnd = true;
      s.elementLength += 1;
      push(s, CTX.literal);
      appendDomain(s, '[');
      s.literal = '';
      return;
    case '\r':
    case ' ':
    case '\t':
      if (s.elementLength === 0) {
        update(s, s.elementCount === 0 ? D.deprecatedCFWSNearAt : D.deprecatedFWS);
      } else {
        update(s, D.cfwsFWS);
        s.assertEnd = true;
      }
      push(s, CTX.fws);
      s.prevToken = s.token;
      return;
    default:
      domainAtext(s, cp);
  }
}

function domainAtext(s: ParseState, cp: number): void {
  if (s.assertEnd) {
    update(s, s.prev === CTX.literal ? D.errATEXTAfterDomainLiteral : D.errATEXTAfterCFWS);
  }
  s.hyphen = false;
  if (isSpecial(cp) || isC0(cp) || isC1(cp)) {
    update(s, D.errExpectingATEXT);
  } else if (s.token === '-') {
    if (s.elementLength === 0) update(s, D.errDomainHyphenStart);
    s.hyphen = true;
  } else if (cp < 48 || (cp > 122 && cp < 192) || (cp > 57 && cp < 65) || (cp > 90 && cp < 97)) {
    update(s, D.rfc5322Domain);
  }
  appendDomain(s, s.token);
  s.elementLength += utf8Bytes(cp);
}

// RFC 5322 3.4.1: domain-literal = [CFWS] "[" *([FWS] dtext) [FWS] "]" [CFWS]
export function domainLiteral(s: ParseState, cp: number): void {
  if (s.token === '\r' && !crlf(s)) return;
  switch (s.token) {
    case ']':
      update(
        s,
        s.result < CATEGORY_BOUNDS.DEPREC ? addressLiteral(s.literal) : D.rfc5322DomainLiteral,
      );
      appendDomain(s, ']');
      s.elementLength += 1;
      pop(s);
      return;
    case '\\':
      update(s, D.rfc5322DomainLiteralOBSDText);
      push(s, CTX.qpair);
      return;
    case '\r':
    case ' ':
    case '\t':
      update(s, D.cfwsFWS);
      push(s, CTX.fws);
      s.prevToken = s.token;
      return;
    default:
      if ((cp !== 127 && isC1(cp)) || cp === 0 || s.token === '[') {
        update(s, D.errExpectingDTEXT);
        return;
      }
      if (isC0(cp) || cp === 127) update(s, D.rfc5322DomainLiteralOBSDText);
      s.literal += s.token;
      appendDomain(s, s.token);
      s.elementLength += utf8Bytes(cp);
  }
}

const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)$/;
const IPV6_GROUP = /^[a-fA-F\d]{0,4}$/;

// RFC 5321 4.1.3: address-literal = "[" ( IPv4 / IPv6 / General-address-literal ) "]"
function addressLiteral(literal: string): number {
  let address = literal;
  const ipv4 = IPV4.exec(literal);
  if (ipv4) {
    if (ipv4.index === 0) return D.rfc5321AddressLiteral;
    address = literal.slice(0, ipv4.index) + '0:0';
  }
  if (address.slice(0, 5).toLowerCase() !== 'ipv6:') return D.rfc5322DomainLiteral;
  const ipv6 = address.slice(5);
  const groups = ipv6.split(':');
  const doubleColon = ipv6.indexOf('::');
  let worst: number = D.valid;
  if (doubleColon === -1) {
    if (groups.length !== 8) worst = D.rfc5322IPv6GroupCount;
  } else if (doubleColon !== ipv6.lastIndexOf('::')) {
    worst = D.rfc5322IPv62x2xColon;
  } else {
    const maxGroups = doubleColon === 0 || doubleColon === ipv6.length - 2 ? 9 : 8;
    if (groups.length > maxGroups) worst = D.rfc5322IPv6MaxGroups;
    else if (groups.length === maxGroups) worst = D.deprecatedIPv6;
  }
  const last = ipv6.length - 1;
  let shape: number = D.rfc5322IPv6BadCharacter;
  if (ipv6[0] === ':' && ipv6[1] !== ':') shape = D.rfc5322IPv6ColonStart;
  else if (ipv6[last] === ':' && ipv6[last - 1] !== ':') shape = D.rfc5322IPv6ColonEnd;
  else if (groups.every((g) => IPV6_GROUP.test(g))) shape = D.rfc5321AddressLiteral;
  return Math.max(worst, shape);
}
