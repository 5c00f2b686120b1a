import { DIAGNOSES as D } from './diagnoses';
import {
  appendDomain,
  CTX,
  crlf,
  isC0,
  isC1,
  pop,
  push,
  update,
  utf8Bytes,
  type ParseState,
} from './parseState';

// RFC 5322 3.2.4: quoted-string, where a space is qtext and only TAB or CRLF fold.
export function quotedString(s: ParseState, cp: number): void {
  if (s.token === '\r' && !crlf(s)) return;
  switch (s.token) {
    case '\\':
      push(s, CTX.qpair);
      return;
    case '\r':
    case '\t':
      s.local += ' ';
      s.elementLength += 1;
      update(s, D.cfwsFWS);
      push(s, CTX.fws);
      s.prevToken = s.token;
      return;
    case '"':
      s.local += '"';
      s.elementLength += 1;
      pop(s);
      return;
    default:
      if ((cp !== 127 && isC1(cp)) || cp === 0 || cp === 10) update(s, D.errExpectingQTEXT);
      else if (isC0(cp) || cp === 127) update(s, D.deprecatedQTEXT);
      s.local += s.token;
      s.elementLength += utf8Bytes(cp);
  }
}

// RFC 5322 3.2.1 and 4.1: quoted-pair / obs-qp
export function quotedPair(s: ParseState, cp: number): void {
  if (cp !== 127 && isC1(cp)) update(s, D.errExpectingQPair);
  else if ((cp < 31 && cp !== 9) || cp === 127) update(s, D.deprecatedQP);
  pop(s);
  const escaped = '\\' + s.token;
  if (s.now === CTX.quoted) {
    s.local += escaped;
    s.elementLength += 2;
  } else if (s.now === CTX.literal) {
    appendDomain(s, escaped);
    s.elementLength += 2;
  }
}

// RFC 5322 3.2.2: comment = "(" *([FWS] ccontent) [FWS] ")"
export function comment(s: ParseState, cp: number): void {
  if (s.token === '\r' && !crlf(s)) return;
  switch (s.token) {
    case '(':
      push(s, CTX.comment);
      return;
    case ')':
      pop(s);
      return;
    case '\\':
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
      if (cp === 0 || cp === 10 || (cp !== 127 && isC1(cp))) update(s, D.errExpectingCTEXT);
      else if (isC0(cp) || cp === 127) update(s, D.deprecatedCTEXT);
  }
}

// RFC 5322 3.2.2 with erratum 1908: FWS = ([*WSP CRLF] 1*WSP) / obs-FWS
export function foldingWhiteSpace(s: ParseState): void {
  if (s.prevToken === '\r') {
    if (s.token === '\r') {
      update(s, D.errFWSCRLFx2);
      return;
    }
    s.crlfCount += 1;
    if (s.crlfCount > 1) update(s, D.deprecatedFWS);
  }
  if (s.token === '\r') {
    crlf(s);
  } else if (s.token !== ' ' && s.token !== '\t') {
    if (s.prevToken === '\r') update(s, D.errFWSCRLFEnd);
    s.crlfCount = 0;
    pop(s);
    // Read this token again in the enclosing context (isemail steps back one code unit).
    s.i -= 1;
  }
  s.prevToken = s.token;
}
