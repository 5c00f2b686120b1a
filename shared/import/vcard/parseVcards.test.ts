import { describe, expect, it } from 'vitest';
import { parseVcards } from './parseVcards';
import { readBirthday } from './readCard';

const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';
const one = (...lines: string[]) => {
  const { cards, problems } = parseVcards(card(...lines));
  expect(problems).toEqual([]);
  expect(cards).toHaveLength(1);
  return cards[0]!;
};

describe('parseVcards: encodings', () => {
  it('decodes 2.1 quoted-printable in ISO-8859-1, with soft line breaks', () => {
    const contact = one(
      'VERSION:2.1',
      'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=E9r=F4me',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Cl=E9ment=0D=0A=',
      'Fran=E7ois, 12 =',
      'rue',
    );
    expect(contact.name).toMatchObject({ family: 'Müller', given: 'Jérôme' });
    expect(contact.notes).toEqual(['Clément\nFrançois, 12 rue']);
  });

  it('decodes QP as UTF-8 by default (ENCODING=QP and bare QUOTED-PRINTABLE too)', () => {
    const contact = one(
      'VERSION:2.1',
      'FN;ENCODING=QP:Ren=C3=A9e',
      'TITLE;QUOTED-PRINTABLE;CHARSET=UTF-8:G=C3=A9rante',
    );
    expect(contact).toMatchObject({ formattedName: 'Renée', title: 'Gérante' });
  });

  it('reads QP without CHARSET that is not UTF-8 as Windows-1252', () => {
    expect(one('FN;ENCODING=QUOTED-PRINTABLE:Ren=E9e').formattedName).toBe('Renée');
  });

  it('skips a base64 photo folded over many lines, indented (3.0) or not (2.1)', () => {
    const photo = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const v3 = one(
      'VERSION:3.0',
      'FN:Anne',
      `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`,
      ...Array.from({ length: 20 }, () => ` ${photo}`),
      ' AA==',
      'EMAIL:anne@example.fr',
    );
    expect(v3.emails.map((e) => e.value)).toEqual(['anne@example.fr']);
    const v21 = one(
      'VERSION:2.1',
      'FN:Bob',
      'PHOTO;JPEG;ENCODING=BASE64:',
      ...Array.from({ length: 20 }, () => photo),
      'AA==',
      '',
      'EMAIL;INTERNET:bob@example.fr',
    );
    expect(v21.emails.map((e) => e.value)).toEqual(['bob@example.fr']);
  });

  it('decodes a base64 text value in its charset', () => {
    expect(one('FN;ENCODING=b;CHARSET=UTF-8:w4lsb2RpZQ==').formattedName).toBe('Élodie');
  });
});

describe('parseVcards: lines, escapes and parameters', () => {
  it('unfolds CRLF or LF followed by a space or a tab', () => {
    const text = 'BEGIN:VCARD\nVERSION:4.0\nFN:Jean-Ba\n ptiste\nNOTE:un\r\n\tdeux\nEND:VCARD\n';
    const { cards } = parseVcards(text);
    expect(cards[0]).toMatchObject({ formattedName: 'Jean-Baptiste', notes: ['undeux'] });
  });

  it('unescapes \\, \\; \\n \\\\ and splits structured values on unescaped ;', () => {
    const contact = one(
      'FN:Dupont\\, Marie',
      'N:Dupont\\;Durand;Marie;;;',
      'NOTE:a\\,b\\;c\\nd\\\\e',
      'ORG:Boulangerie\\; Pâtisserie;Vente',
    );
    expect(contact.formattedName).toBe('Dupont, Marie');
    expect(contact.name).toMatchObject({ family: 'Dupont;Durand', given: 'Marie' });
    expect(contact.notes).toEqual(['a,b;c\nd\\e']);
    expect(contact.organization).toEqual(['Boulangerie; Pâtisserie', 'Vente']);
  });

  it('reads 2.1 bare parameters, 3.0/4.0 TYPE lists, PREF and group prefixes', () => {
    const contact = one(
      'FN:X',
      'TEL;WORK;VOICE:01 23 45 67 89',
      'TEL;TYPE="cell,voice";PREF=2:06 12 34 56 78',
      'item1.TEL;type=HOME;type=pref:tel:+33612345678',
      'item1.X-ABLabel:maison',
      'EMAIL;PREF;INTERNET:a@example.fr',
    );
    expect(contact.phones).toEqual([
      { value: '01 23 45 67 89', types: ['work', 'voice'], pref: null },
      { value: '06 12 34 56 78', types: ['cell', 'voice'], pref: 2 },
      { value: '+33612345678', types: ['home'], pref: 1 },
    ]);
    expect(contact.emails).toEqual([{ value: 'a@example.fr', types: ['internet'], pref: 1 }]);
  });

  it('reads N, ADR, ORG, TITLE, BDAY, CATEGORIES, GENDER, LANG and UID; X- properties ignored', () => {
    const contact = one(
      'VERSION:4.0',
      'N:Martin;Léa;Marie;Mme;',
      'ADR;TYPE=home:BP 12;Bât. B;3 rue Haute;Lyon;Rhône;69001;France',
      'ORG:Fleurs & Co;Ventes',
      'TITLE:Gérante',
      'BDAY:19850412',
      'CATEGORIES:fidèle,vip\\,or',
      'CATEGORIES:vip\\,or,noël',
      'GENDER:F;elle',
      'LANG;PREF=2:en',
      'LANG;PREF=1:fr',
      'UID:urn:uuid:1234',
      'X-SPOUSE:Paul',
    );
    expect(contact).toMatchObject({
      version: '4.0',
      name: { family: 'Martin', given: 'Léa', additional: 'Marie', prefix: 'Mme', suffix: '' },
      addresses: [
        {
          poBox: 'BP 12',
          extended: 'Bât. B',
          street: '3 rue Haute',
          locality: 'Lyon',
          region: 'Rhône',
          postalCode: '69001',
          country: 'France',
          types: ['home'],
          pref: null,
        },
      ],
      organization: ['Fleurs & Co', 'Ventes'],
      title: 'Gérante',
      birthday: { raw: '19850412', date: '1985-04-12' },
      categories: ['fidèle', 'vip,or', 'noël'],
      gender: 'F',
      languages: ['fr', 'en'],
      uid: 'urn:uuid:1234',
    });
  });

  it.each([
    ['19850412', '1985-04-12'],
    ['1985-04-12', '1985-04-12'],
    ['1985-04-12T10:30:00Z', '1985-04-12'],
    ['19850412T103000', '1985-04-12'],
    ['--0412', ''],
    ['1985', ''],
    ['circa 1800', ''],
  ])('BDAY %s gives the date "%s"', (raw, date) => {
    expect(readBirthday(raw, '')).toEqual({ raw, date });
  });

  it('BDAY;VALUE=text gives no date', () => {
    expect(readBirthday('1985-04-12', 'text').date).toBe('');
  });
});

describe('parseVcards: broken files never throw', () => {
  it('a card without END is left out with its BEGIN line; the whole cards come out', () => {
    const text = [
      'BEGIN:VCARD',
      'FN:Sans Fin',
      'BEGIN:VCARD',
      'FN:Entière',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Coupée',
    ].join('\r\n');
    const { cards, problems } = parseVcards(text);
    expect(cards.map((c) => c.formattedName)).toEqual(['Entière']);
    expect(problems).toEqual([
      { line: 1, message: 'card has no END:VCARD before another BEGIN:VCARD at line 3; left out' },
      { line: 6, message: 'card has no END:VCARD before the end of the file; left out' },
    ]);
  });

  it('a line without ":" and an unknown encoding or charset give a problem at their line', () => {
    const { cards, problems } = parseVcards(
      card(
        'FN:Anne',
        'ceci n’est pas une propriété',
        'NOTE;ENCODING=X-UUENCODE:abc',
        'TITLE;CHARSET=X-MARTIAN;ENCODING=QUOTED-PRINTABLE:Chef',
      ),
    );
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ formattedName: 'Anne', notes: [], title: 'Chef' });
    expect(problems).toEqual([
      { line: 3, message: 'no ":" between a property name and its value; line skipped' },
      { line: 4, message: 'unknown encoding "X-UUENCODE"; NOTE left out' },
      { line: 5, message: 'unknown charset "x-martian"; read as UTF-8 or Windows-1252' },
    ]);
  });

  it('a card with no name, email or phone is left out with a problem', () => {
    const { cards, problems } = parseVcards(card('VERSION:3.0', 'ORG:Seule', 'NOTE:rien'));
    expect(cards).toEqual([]);
    expect(problems).toEqual([{ line: 1, message: 'card has no name, email or phone; left out' }]);
  });

  it('text outside cards, END without BEGIN and an unknown version are reported once each', () => {
    const text = `junk:1\r\nmore:2\r\nEND:VCARD\r\n${card('VERSION:5.0', 'FN:A')}`;
    const { cards, problems } = parseVcards(text);
    expect(cards).toHaveLength(1);
    expect(problems).toEqual([
      { line: 1, message: 'text outside BEGIN:VCARD … END:VCARD; skipped' },
      { line: 3, message: 'END:VCARD without BEGIN:VCARD' },
      { line: 5, message: 'unknown vCard version "5.0"' },
    ]);
  });

  it('an empty text gives nothing', () => {
    expect(parseVcards('')).toEqual({ cards: [], problems: [] });
  });
});
