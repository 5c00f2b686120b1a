import { readFileSync } from 'node:fs';
import path from 'node:path';
import Isemail from 'isemail';
import { describe, expect, it } from 'vitest';
import { checkEmail, type EmailVerdict } from './email';
import { diagnoseEmail } from './isEmail/diagnose';
import { DIAGNOSES } from './isEmail/diagnoses';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/isemail-tests/tests_flat.csv');

/** RFC 4180: quoted fields may hold commas, doubled quotes, CR, LF and any control character. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      records.push([...record, field]);
      record = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

type Vector = { id: string; address: string; category: string; diagnosis: string };

function readCorpus(): Vector[] {
  const [header, ...rows] = parseCsv(readFileSync(CORPUS, 'utf8'));
  expect(header).toEqual(['id', 'address', 'category', 'diagnosis', 'comment', 'source']);
  return rows.map((row) => {
    expect(row).toHaveLength(6);
    const [id = '', address = '', category = '', diagnosis = ''] = row;
    return { id, address, category, diagnosis };
  });
}

const corpus = readCorpus();

const rejected: EmailVerdict = { ok: false, reason: 'invalidEmail' };
const unusual = { ok: true, warning: 'unusual' } as const;

function expectedByCategory(category: string): EmailVerdict {
  if (category === 'ISEMAIL_VALID_CATEGORY' || category === 'ISEMAIL_DNSWARN') return { ok: true };
  if (category === 'ISEMAIL_ERR') return rejected;
  return unusual;
}

/** Vectors whose verdict is not the one their category gives, each with the reason. */
const EXCEPTIONS: Record<string, { expected: EmailVerdict; why: string }> = {
  '5': {
    expected: unusual,
    why: 'VALID only through DNS (an MX on the io TLD); without DNS it is RFC5321_TLD, as #166',
  },
  '39': { expected: rejected, why: 'RFC5322_TOOLONG at 255 characters: over the 254 cap' },
  '40': { expected: rejected, why: 'RFC5322_TOOLONG at 257 characters: over the 254 cap' },
  '41': { expected: rejected, why: 'RFC5322_DOMAIN_TOOLONG at 258 characters: over the 254 cap' },
  '98': { expected: rejected, why: 'CFWS with comments making 263 characters: over the 254 cap' },
  '160': {
    expected: unusual,
    why: 'isemail allows a non-ASCII quoted pair (RFC 6532), PHP is_email rejects it',
  },
};

describe('checkEmail on the is_email test vectors', () => {
  it('reads every vector of the corpus', () => {
    expect(corpus).toHaveLength(164);
    expect(new Set(corpus.map((v) => v.id)).size).toBe(corpus.length);
    expect(corpus.map((v) => v.id)).toEqual(expect.arrayContaining(Object.keys(EXCEPTIONS)));
  });

  it.each(corpus.map((v) => ({ ...v, name: `#${v.id} ${v.category} ${v.diagnosis}` })))(
    '$name',
    ({ id, address, category }) => {
      const expected = EXCEPTIONS[id]?.expected ?? expectedByCategory(category);
      const { ok, ...rest } = checkEmail(address);
      const verdict = { ok, ...('reason' in rest ? { reason: rest.reason } : {}) };
      const warning = 'warning' in rest ? { warning: rest.warning } : {};
      expect({ ...verdict, ...warning }).toEqual(expected);
    },
  );
});

describe('diagnoseEmail, the browser-safe port of isemail@3.2.0', () => {
  it.each(corpus.map((v) => ({ ...v, name: `#${v.id} ${v.diagnosis}` })))(
    'gives isemail’s diagnosis for $name',
    ({ address }) => {
      const theirs = Isemail.validate(address, { errorLevel: true });
      const ours = diagnoseEmail(address);
      // The one addition: is_email's RFC5321_TLD for a single-label domain, which isemail dropped.
      expect(ours).toBe(theirs === 0 && ours === DIAGNOSES.rfc5321TLD ? ours : theirs);
    },
  );
});

describe('checkEmail', () => {
  it('accepts plain addresses without warning or suggestion', () => {
    expect(checkEmail('jean.dupont@orange.fr')).toEqual({ ok: true });
    expect(checkEmail('Marie-Claire+news@boulangerie-martin.fr')).toEqual({ ok: true });
    expect(checkEmail('élodie@exemple.fr')).toEqual({ ok: true });
  });

  it('warns about unusual but usable addresses', () => {
    expect(checkEmail('"jean dupont"@orange.fr')).toMatchObject(unusual);
    expect(checkEmail('jean@[192.168.0.1]')).toMatchObject(unusual);
    expect(checkEmail('jean(work)@orange.fr')).toMatchObject(unusual);
    expect(checkEmail('jean@localhost')).toMatchObject(unusual);
  });

  it('rejects what is not an address', () => {
    for (const bad of ['', 'jean', 'jean@', '@orange.fr', 'jean..d@orange.fr', 'a b@c.fr']) {
      expect(checkEmail(bad)).toEqual(rejected);
    }
  });

  it('caps the length at 254 characters', () => {
    const local = 'a'.repeat(64);
    const domain = (n: number) => `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(n)}.fr`;
    expect(checkEmail(`${local}@${domain(58)}`)).toEqual({ ok: true });
    expect(`${local}@${domain(58)}`).toHaveLength(254);
    expect(checkEmail(`${local}@${domain(59)}`)).toEqual(rejected);
  });

  it('suggests a correction for a misspelt common domain', () => {
    expect(checkEmail('jean@gmial.com')).toEqual({ ok: true, suggestion: 'jean@gmail.com' });
    expect(checkEmail('y@orange.ff')).toEqual({ ok: true, suggestion: 'y@orange.fr' });
    expect(checkEmail('"j d"@hotmial.fr')).toEqual({ ...unusual, suggestion: '"j d"@hotmail.fr' });
    expect(checkEmail('jean@gmail')).toEqual(unusual);
  });

  it('never suggests for a rejected address', () => {
    expect(checkEmail('jean@gmial..com')).toEqual(rejected);
  });
});
