import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerInputSchema, type Customer } from '../domain/customer';
import { testCustomer } from '../domain/testCustomer';
import { parseVcards } from '../import/vcard/parseVcards';
import { vcardToCustomerDraft } from '../import/vcard/vcardToCustomerDraft';
import { customersToVcard, fold } from './vcard';

const lines = (vcf: string) => vcf.split('\r\n').slice(0, -1);

describe('customersToVcard', () => {
  it('writes a 4.0 card with CRLF ends, escaped values and the primary email and phone preferred', () => {
    const vcf = customersToVcard([
      testCustomer('c1', {
        firstName: 'Léa',
        lastName: 'Martin; Durand',
        email: 'lea@example.fr',
        additionalEmails: ['l.m@example.fr'],
        phone: '+33612345678',
        street: '3, rue Haute',
        postalCode: '69001',
        city: 'Lyon',
        country: 'FR',
        company: 'Fleurs & Co',
        birthDate: '1985-04-12',
        tags: ['vip,or', 'fidèle'],
        notes: 'ligne 1\nligne 2 \\ fin',
      }),
    ]);
    expect(vcf.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines(vcf)).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'UID:c1',
      'FN:Léa Martin\\; Durand',
      'N:Martin\\; Durand;Léa;;;',
      'EMAIL;PREF=1:lea@example.fr',
      'EMAIL:l.m@example.fr',
      'TEL;VALUE=uri;PREF=1:tel:+33612345678',
      'ADR:;;3\\, rue Haute;Lyon;;69001;France',
      'ORG:Fleurs & Co',
      'BDAY:19850412',
      'CATEGORIES:vip\\,or,fidèle',
      'NOTE:ligne 1\\nligne 2 \\\\ fin',
      'END:VCARD',
    ]);
  });

  it('writes 3.0 with TYPE=pref and extended dates', () => {
    const vcf = customersToVcard(
      [
        testCustomer('c2', {
          lastName: 'Roy',
          phone: '+33612345678',
          email: 'r@example.fr',
          birthDate: '1985-04-12',
        }),
      ],
      '3.0',
    );
    expect(lines(vcf)).toContain('EMAIL;TYPE=INTERNET,PREF:r@example.fr');
    expect(lines(vcf)).toContain('TEL;TYPE=VOICE,PREF:+33612345678');
    expect(lines(vcf)).toContain('BDAY:1985-04-12');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const folded = fold(`NOTE:${'é'.repeat(100)}`);
    const parts = folded.split('\r\n').slice(0, -1);
    // 5 + 35 × 2, then 1 + 37 × 2, then 1 + 28 × 2.
    expect(parts.map((p) => new TextEncoder().encode(p).length)).toEqual([75, 75, 57]);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.join('').replace(/ /g, '')).toBe(`NOTE:${'é'.repeat(100)}`);
    expect(fold('😀'.repeat(40)).split('\r\n')[0]).toBe('😀'.repeat(18));
  });
});

// Text with what vCard must escape or fold: accents, commas, semicolons, backslashes, newlines.
const piece = fc.constantFrom(
  'é',
  'ç',
  'Ø',
  'ß',
  ',',
  ';',
  '\\',
  ':',
  '"',
  ' ',
  '😀',
  'a',
  'Z',
  '0',
  '-',
  "'",
);
const word = (min: number, max: number) =>
  fc
    .array(piece, { minLength: min, maxLength: max })
    .map((p) => p.join('').trim())
    .filter((s) => s !== '');
const lineOrBreak = fc.oneof(piece, fc.constant('\n'));
const note = fc.array(lineOrBreak, { maxLength: 400 }).map((p) => p.join(''));
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
    fc.constantFrom('example.fr', 'exemple.com', 'mail.co.uk'),
  )
  .map(([local, domain]) => `${local}@${domain}`);
const phone = fc.stringMatching(/^\+[1-9][0-9]{7,13}$/);
const customer = fc.record({
  firstName: word(1, 40),
  lastName: word(0, 100).map((s) => s.slice(0, 100).trim()),
  email,
  additionalEmails: fc.uniqueArray(email, { maxLength: 10 }),
  phone,
  additionalPhones: fc.uniqueArray(phone, { maxLength: 10 }),
  street: word(0, 120),
  postalCode: fc.stringMatching(/^[0-9A-Z ]{0,10}$/).map((s) => s.trim()),
  city: word(0, 50),
  country: fc.constantFrom('', 'FR', 'GB', 'BE', 'CH', 'DE', 'ES', 'IT', 'US', 'CA', 'CI', 'JP'),
  birthDate: fc
    .date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  company: word(0, 100),
  jobTitle: word(0, 100),
  tags: fc.uniqueArray(word(1, 40), { maxLength: 30 }),
  notes: note,
});

describe('customersToVcard then parseVcards then vcardToCustomerDraft', () => {
  it.each(['3.0', '4.0'] as const)('gives back the same field values (vCard %s)', (version) => {
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 3 }), (fields) => {
        const customers: Customer[] = fields.map((f, i) =>
          testCustomer(`id-${i}`, {
            ...f,
            additionalEmails: f.additionalEmails.filter((e) => e !== f.email),
            additionalPhones: f.additionalPhones.filter((p) => p !== f.phone),
          }),
        );
        const { cards, problems } = parseVcards(customersToVcard(customers, version));
        expect(problems).toEqual([]);
        expect(cards.map((c) => c.uid)).toEqual(customers.map((c) => c.id));
        cards.forEach((card, i) => {
          const { draft, invalid } = vcardToCustomerDraft(card);
          expect(invalid).toBeNull();
          const back = customerInputSchema.parse(draft);
          const {
            id: _id,
            createdAt: _c,
            updatedAt: _u,
            version: _v,
            figures: _f,
            ...original
          } = customers[i]!;
          expect({ ...back, source: original.source }).toEqual(customerInputSchema.parse(original));
        });
      }),
      { numRuns: 150 },
    );
  });
});
