import { describe, expect, it } from 'vitest';
import { customerInputSchema } from '../../domain/customer';
import { countryCode } from './countryCode';
import { parseVcards } from './parseVcards';
import { splitFullName, vcardToCustomerDraft } from './vcardToCustomerDraft';

const draftOf = (...lines: string[]) => {
  const { cards } = parseVcards(['BEGIN:VCARD', 'VERSION:4.0', ...lines, 'END:VCARD'].join('\r\n'));
  return vcardToCustomerDraft(cards[0]!);
};

describe('vcardToCustomerDraft', () => {
  it('maps a full card to a draft that passes customerInputSchema', () => {
    const { draft, notes, invalid } = draftOf(
      'N:Martin;Léa;;;',
      'FN:Ignored Name',
      'EMAIL:lea@example.fr',
      'EMAIL;PREF=1:LEA.MARTIN@example.fr',
      'TEL;TYPE=cell:06 12 34 56 78',
      'TEL;TYPE=work,fax:01 00 00 00 00',
      'ADR;TYPE=work:;;1 rue du Travail;Paris;;75001;France',
      'ADR;TYPE=home:;Bât. B;3 rue Haute;Lyon;;69001;Royaume-Uni',
      'ORG:Fleurs & Co;Ventes',
      'TITLE:Gérante',
      'BDAY:1985-04-12',
      'CATEGORIES:fidèle,vip',
      'NOTE:première',
      'NOTE:seconde',
      'GENDER:F',
      'LANG:fr-CA',
    );
    expect(invalid).toBeNull();
    expect(draft).toEqual({
      firstName: 'Léa',
      lastName: 'Martin',
      // Each email and phone is checked by the schema's own rule, which lower-cases emails.
      email: 'lea.martin@example.fr',
      additionalEmails: ['lea@example.fr'],
      phone: '06 12 34 56 78',
      additionalPhones: [],
      street: 'Bât. B, 3 rue Haute',
      postalCode: '69001',
      city: 'Lyon',
      country: 'GB',
      birthDate: '1985-04-12',
      gender: 'female',
      language: 'fr',
      company: 'Fleurs & Co',
      jobTitle: 'Gérante',
      source: 'import',
      tags: ['fidèle', 'vip'],
      notes: 'première\n\nseconde',
    });
    expect(customerInputSchema.parse(draft)).toMatchObject(draft);
    expect(notes).toEqual(['fax number 01 00 00 00 00 left out', '1 other address(es) left out']);
  });

  it('splits FN only when N is missing', () => {
    expect(draftOf('FN:Jean Paul Dupont').draft).toMatchObject({
      firstName: 'Jean Paul',
      lastName: 'Dupont',
    });
    expect(draftOf('FN:Dupont, Marie').draft).toMatchObject({
      firstName: 'Marie',
      lastName: 'Dupont',
    });
    expect(draftOf('FN:Jean Dupont', 'N:;;;;', 'EMAIL:j@example.fr').draft).toMatchObject({
      firstName: '',
      lastName: '',
    });
    expect(splitFullName('Madonna')).toEqual(['', 'Madonna']);
  });

  it('keeps at most 10 additional emails, drops invalid ones and duplicates, with notes', () => {
    const others = Array.from({ length: 12 }, (_, i) => `EMAIL:client${i}@example.fr`);
    const { draft, notes } = draftOf(
      'FN:A B',
      'EMAIL:pas-un-email',
      ...others,
      'EMAIL:client0@example.fr',
    );
    expect(draft.email).toBe('client0@example.fr');
    expect(draft.additionalEmails).toHaveLength(10);
    expect(draft.additionalEmails![9]).toBe('client10@example.fr');
    expect(notes).toEqual([
      'email "pas-un-email" is not valid; left out',
      '1 more emails left out (at most 11)',
    ]);
  });

  it('takes the phone of a tel: URI without its extension, and leaves out phones with letters', () => {
    const { draft, notes } = draftOf(
      'FN:A B',
      'TEL;VALUE=uri;PREF=1:tel:+1-418-656-9254;ext=102',
      'TEL:BusinessPhone',
    );
    expect(draft).toMatchObject({ phone: '+1-418-656-9254', additionalPhones: [] });
    expect(notes).toEqual([
      'phone +1-418-656-9254: "ext=102" left out',
      'phone "BusinessPhone" is not valid; left out',
    ]);
  });

  it('leaves out a birthday without year, and a future one, with a note', () => {
    expect(draftOf('FN:A B', 'BDAY:--0203')).toMatchObject({
      draft: { birthDate: '' },
      notes: ['birthday --0203 has no year; left out'],
    });
    expect(draftOf('FN:A B', 'BDAY:29991231').notes).toEqual([
      'birthday "29991231" is not a full past date; left out',
    ]);
  });

  it('says why a contact with neither name nor email cannot be a customer', () => {
    const { invalid, draft } = draftOf('TEL:06 12 34 56 78');
    expect(draft.phone).toBe('06 12 34 56 78');
    expect(invalid).toBe('lastName: nameOrEmailRequired');
  });

  it('notes an unknown country and a category too long for a tag', () => {
    const { draft, notes } = draftOf(
      'FN:A B',
      'ADR:;;;;;;Atlantide',
      `CATEGORIES:${'x'.repeat(41)},ok`,
    );
    expect(draft).toMatchObject({ country: '', tags: ['ok'] });
    expect(notes).toEqual([
      'country "Atlantide" not recognised; left out',
      `category "${'x'.repeat(41)}" is too long for a tag; left out`,
    ]);
  });
});

describe('countryCode', () => {
  it.each([
    ['FR', 'FR'],
    ['fr', 'FR'],
    ['France', 'FR'],
    ['GB', 'GB'],
    ['UK', 'GB'],
    ['United Kingdom', 'GB'],
    ['Royaume-Uni', 'GB'],
    ['BE', 'BE'],
    ['Belgique', 'BE'],
    ['België', 'BE'],
    ['CH', 'CH'],
    ['Suisse', 'CH'],
    ['Schweiz', 'CH'],
    ['DE', 'DE'],
    ['Allemagne', 'DE'],
    ['Germany', 'DE'],
    ['Deutschland', 'DE'],
    ['ES', 'ES'],
    ['Espagne', 'ES'],
    ['IT', 'IT'],
    ['Italie', 'IT'],
    ['US', 'US'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['États-Unis', 'US'],
    ['etats-unis', 'US'],
    ['CA', 'CA'],
    ['Canada', 'CA'],
    ["Côte d'Ivoire", 'CI'],
    ['Country', ''],
    ['', ''],
    ['EU', ''],
    ['DD', ''],
  ])('%s is "%s"', (name, code) => expect(countryCode(name)).toBe(code));
});
