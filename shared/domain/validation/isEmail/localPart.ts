import { DIAGNOSES as D } from './diagnoses';
import {
  CTX,
  crlf,
  isC0,
  isC1,
  isSpecial,
  push,
  update,
  utf8Bytes,
  utf8Length,
  type ParseState,
} from './parseState';

// RFC 5322 3.4.1: local-part = dot-atom / quoted-string / obs-local-part
export function localPart(s: ParseState, cp: number): void {
  if (s.token === '\r' && !crlf(s)) return;
  switch (s.token) {
    case '(':
      if (s.elementLength === 0) {
        update(s, s.elementCount === 0 ? D.cfwsComment : D.deprecatedComment);
      } else {
        update(s, D.cfwsComment);
        s.assertEnd = true;
      }
      push(s, CTX.comment);
      return;
    case '.':
      if (s.elementLength === 0) {
        update(s, s.elementCount === 0 ? D.errDotStart : D.errConsecutiveDots);
        return;
      }
      if (s.assertEnd) update(s, D.deprecatedLocalPart);
      s.assertEnd = false;
      s.elementLength = 0;
      s.elementCount += 1;
      s.local += '.';
      return;
    case '"':
      if (s.elementLength > 0) {
        update(s, D.errExpectingATEXT);
        return;
      }
      update(s, s.elementCount === 0 ? D.rfc5321QuotedString : D.deprecatedLocalPart);
      s.local += '"';
      s.elementLength += 1;
      s.assertEnd = true;
      push(s, CTX.quoted);
      return;
    case '\r':
    case ' ':
    case '\t':
      if (s.elementLength === 0) {
        update(s, s.elementCount === 0 ? D.cfwsFWS : D.deprecatedFWS);
      } else {
        s.assertEnd = true;
      }
      push(s, CTX.fws);
      s.prevToken = s.token;
      return;
    case '@':
      atSign(s);
      return;
    default:
      atext(s, cp);
  }
}

function atSign(s: ParseState): void {
  if (s.local.length === 0) update(s, D.errNoLocalPart);
  else if (s.elementLength === 0) update(s, D.errDotEnd);
  else if (utf8Length(s.local) > 64) update(s, D.rfc5322LocalTooLong);
  else if (s.prev === CTX.comment || s.prev === CTX.fws) update(s, D.deprecatedCFWSNearAt);
  s.now = CTX.domain;
  s.stack[0] = CTX.domain;
  s.elementCount = 0;
  s.elementLength = 0;
  s.assertEnd = false;
}

function atext(s: ParseState, cp: number): void {
  if (s.assertEnd) {
    update(s, s.prev === CTX.quoted ? D.errATEXTAfterQS : D.errATEXTAfterCFWS);
    return;
  }
  s.prev = s.now;
  if (isSpecial(cp) || isC0(cp) || isC1(cp)) update(s, D.errExpectingATEXT);
  s.local += s.token;
  s.elementLength += utf8Bytes(cp);
}
