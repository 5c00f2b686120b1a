/** Diagnosis numbers of is_email (Dominic Sayers), as numbered by isemail@3.2.0. */
export const DIAGNOSES = {
  valid: 0,

  rfc5321TLD: 9,
  rfc5321TLDNumeric: 10,
  rfc5321QuotedString: 11,
  rfc5321AddressLiteral: 12,
  rfc5321IPv6Deprecated: 13,

  cfwsComment: 17,
  cfwsFWS: 18,

  deprecatedLocalPart: 33,
  deprecatedFWS: 34,
  deprecatedQTEXT: 35,
  deprecatedQP: 36,
  deprecatedComment: 37,
  deprecatedCTEXT: 38,
  deprecatedIPv6: 39,
  deprecatedCFWSNearAt: 49,

  rfc5322Domain: 65,
  rfc5322TooLong: 66,
  rfc5322LocalTooLong: 67,
  rfc5322DomainTooLong: 68,
  rfc5322LabelTooLong: 69,
  rfc5322DomainLiteral: 70,
  rfc5322DomainLiteralOBSDText: 71,
  rfc5322IPv6GroupCount: 72,
  rfc5322IPv62x2xColon: 73,
  rfc5322IPv6BadCharacter: 74,
  rfc5322IPv6MaxGroups: 75,
  rfc5322IPv6ColonStart: 76,
  rfc5322IPv6ColonEnd: 77,

  errExpectingDTEXT: 129,
  errNoLocalPart: 130,
  errNoDomain: 131,
  errConsecutiveDots: 132,
  errATEXTAfterCFWS: 133,
  errATEXTAfterQS: 134,
  errATEXTAfterDomainLiteral: 135,
  errExpectingQPair: 136,
  errExpectingATEXT: 137,
  errExpectingQTEXT: 138,
  errExpectingCTEXT: 139,
  errBackslashEnd: 140,
  errDotStart: 141,
  errDotEnd: 142,
  errDomainHyphenStart: 143,
  errDomainHyphenEnd: 144,
  errUnclosedQuotedString: 145,
  errUnclosedComment: 146,
  errUnclosedDomainLiteral: 147,
  errFWSCRLFx2: 148,
  errFWSCRLFEnd: 149,
  errCRNoLF: 150,
  errUnknownTLD: 160,
  errDomainTooShort: 161,
  errDotAfterDomainLiteral: 162,
} as const;

/** Upper bounds (exclusive) of each category, from is_email's meta.xml. */
export const CATEGORY_BOUNDS = {
  VALID: 1,
  DNSWARN: 7,
  RFC5321: 15,
  CFWS: 31,
  DEPREC: 63,
  RFC5322: 127,
  ERR: 255,
} as const;

export type EmailCategory = keyof typeof CATEGORY_BOUNDS;

const ORDER = Object.keys(CATEGORY_BOUNDS) as EmailCategory[];

export function emailCategory(diagnosis: number): EmailCategory {
  // meta.xml 3.05 moved this one out of its numeric range.
  if (diagnosis === DIAGNOSES.rfc5321IPv6Deprecated) return 'DEPREC';
  return ORDER.find((category) => diagnosis < CATEGORY_BOUNDS[category]) ?? 'ERR';
}
