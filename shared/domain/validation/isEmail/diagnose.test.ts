import fc from 'fast-check';
import Isemail from 'isemail';
import { describe, expect, it } from 'vitest';
import { diagnoseEmail, isPlainAddress } from './diagnose';
import { DIAGNOSES, emailCategory } from './diagnoses';
import { toAsciiLength } from './punycode';

// Pieces that steer the parser into every context: quotes, comments, folding white space,
// literals, IPv6, control characters, non-ASCII, lone surrogates and over-long labels.
const PIECES = [
  ...['a', 'Z', '0', '9', '.', '.', '@', '"', '(', ')', '[', ']', '\\', ' ', '\t', '-', ':'],
  ...['\r', '\n', '\r\n', ',', ';', '<', '!', '#', 'IPv6:', '::', '1.2.3.4', 'ffff', 'abc.'],
  ...['é', '中', '😀', '。', '\uD800', '\uDC00', '\u0000', '\u0007', '\u001f', '\u007f'],
  ...['\u0085', '\u00a0', '\u00a9', 'x'.repeat(30), 'y'.repeat(64)],
];
const text = (max: number, pieces = PIECES) =>
  fc.array(fc.constantFrom(...pieces), { maxLength: max }).map((parts) => parts.join(''));

function isemail(address: string): number {
  return Isemail.validate(address, { errorLevel: true });
}

/** isemail's diagnosis, but for the single-label-domain warning is_email has and isemail lost. */
function expectSameAsIsemail(address: string): void {
  const theirs = isemail(address);
  const ours = diagnoseEmail(address);
  expect(ours).toBe(theirs === 0 && ours === DIAGNOSES.rfc5321TLD ? ours : theirs);
}

describe('diagnoseEmail', () => {
  it('agrees with isemail@3.2.0 on arbitrary input', () => {
    fc.assert(fc.property(text(40), expectSameAsIsemail), { numRuns: 5000 });
  });

  it('agrees with isemail@3.2.0 on local@domain shapes, up to over-long ones', () => {
    const noAt = PIECES.filter((p) => p !== '@');
    fc.assert(
      fc.property(text(70, noAt), text(90, noAt), (local, domain) =>
        expectSameAsIsemail(`${local}@${domain}`),
      ),
      { numRuns: 5000 },
    );
  });

  it('takes its shortcut for plain addresses only, agreeing with isemail near every limit', () => {
    const atext = [..."abcXYZ019!#$%&'*+/=?^_`{|}~-"];
    const run = (chars: string[], max: number) =>
      fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: max }).map((c) => c.join(''));
    // Mostly well-formed pieces, sometimes an empty one (a dot at an end, two dots in a row).
    const local = fc
      .array(fc.oneof(run(atext, 30), run(atext, 30), fc.constant('')), {
        minLength: 1,
        maxLength: 4,
      })
      .map((parts) => parts.join('.'));
    const label = fc.oneof(run([...'ab9'], 66), run([...'ab9'], 20), run([...'ab9-'], 66));
    const tld = fc.constantFrom('fr', 'com', 'museum', 'c', '123', 'x'.repeat(64), 'a-b');
    let plain = 0;
    fc.assert(
      fc.property(local, fc.array(label, { minLength: 0, maxLength: 4 }), tld, (l, labels, t) => {
        const address = `${l}@${[...labels, t].join('.')}`;
        if (isPlainAddress(address)) plain++;
        expectSameAsIsemail(address);
      }),
      { numRuns: 5000 },
    );
    expect(plain).toBeGreaterThan(300); // the shortcut was really taken, and agreed
    expect(isPlainAddress('marie.dupont@orange.fr')).toBe(true);
    expect(isPlainAddress('"marie"@orange.fr')).toBe(false);
    expect(isPlainAddress('marie@localhost')).toBe(false);
  });

  it('warns about a single-label domain, as is_email does', () => {
    expect(isemail('jean@localhost')).toBe(DIAGNOSES.valid);
    expect(diagnoseEmail('jean@localhost')).toBe(DIAGNOSES.rfc5321TLD);
    expect(diagnoseEmail('jean@[192.168.0.1]')).toBe(DIAGNOSES.rfc5321AddressLiteral);
    expect(diagnoseEmail('jean@123.fr')).toBe(DIAGNOSES.valid);
    expect(diagnoseEmail('jean@example.123')).toBe(DIAGNOSES.rfc5321TLDNumeric);
  });

  it('measures octets, not characters, against the RFC 5321 limits', () => {
    const local64 = 'é'.repeat(32);
    expect(diagnoseEmail(`${local64}@example.fr`)).toBe(DIAGNOSES.valid);
    expect(diagnoseEmail(`${local64}a@example.fr`)).toBe(DIAGNOSES.rfc5322LocalTooLong);
    // Labels are measured as their xn-- form: 40 × 中 is 46 octets, 10 × bücher is 67.
    expect(diagnoseEmail(`a@${'中'.repeat(40)}.fr`)).toBe(DIAGNOSES.valid);
    expect(diagnoseEmail(`a@${'bücher'.repeat(10)}.fr`)).toBe(DIAGNOSES.rfc5322LabelTooLong);
  });
});

describe('emailCategory', () => {
  it('follows the bounds of is_email meta.xml', () => {
    const cases: [number, string][] = [
      [0, 'VALID'],
      [5, 'DNSWARN'],
      [6, 'DNSWARN'],
      [9, 'RFC5321'],
      [12, 'RFC5321'],
      [13, 'DEPREC'],
      [17, 'CFWS'],
      [18, 'CFWS'],
      [33, 'DEPREC'],
      [49, 'DEPREC'],
      [65, 'RFC5322'],
      [77, 'RFC5322'],
      [129, 'ERR'],
      [162, 'ERR'],
    ];
    for (const [diagnosis, category] of cases) expect(emailCategory(diagnosis)).toBe(category);
  });
});

describe('toAsciiLength', () => {
  it.each([
    ['bücher.de', 'xn--bcher-kva.de'],
    ['münchen.fr', 'xn--mnchen-3ya.fr'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['ليهمابتكلموشعربي؟', 'xn--egbpdaj6bu4bxfgehfvwxn'],
    ['他们为什么不说中文', 'xn--ihqwcrb4cv8a8dqg056pqjye'],
    ['Pročprostěnemluvíčesky', 'xn--Proprostnemluvesky-uyb24dma41a'],
    ['😀.fr', 'xn--e28h.fr'],
    ['中文。com', 'xn--fiq228c.com'],
    ['example.fr', 'example.fr'],
  ])('%s is as long as %s', (domain, ascii) => {
    expect(toAsciiLength(domain)).toBe(ascii.length);
  });
});
