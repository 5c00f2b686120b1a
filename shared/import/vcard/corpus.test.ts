import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../decodeText';
import { parseVcards, type ParsedVcards } from './parseVcards';
import { vcardToCustomerDraft } from './vcardToCustomerDraft';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);
const FOLDERS = ['ez-vcard-samples', 'node-vcf-testdata', 'thunderbird-addrbook-import'];
const files = FOLDERS.flatMap((folder) =>
  (readdirSync(new URL(`${folder}/`, corpus), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.vcf'))
    .map((file) => `${folder}/${file}`),
).sort();
const parse = (file: string) =>
  parseVcards(decodeText(new Uint8Array(readFileSync(new URL(file, corpus)))).text);
const names = (r: ParsedVcards) => r.cards.map((c) => c.formattedName);
const emails = (r: ParsedVcards) => r.cards.flatMap((c) => c.emails.map((e) => e.value));
const first = (r: ParsedVcards) => r.cards[0]!;

/** What each file must give: a concrete value of at least one card, or its exact problems. */
const expected: Record<string, (r: ParsedVcards) => void> = {
  'ez-vcard-samples/John_Doe_ANDROID.vcf': (r) => {
    expect(r.cards.map((c) => c.line)).toEqual([1, 6, 11, 18, 36, 71]);
    // 2.1 quoted-printable UTF-8 with soft line breaks.
    expect(r.cards[3]!.name!.family).toBe('Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ');
    expect(r.cards[4]!.emails[0]).toEqual({ value: 'bob@company.com', types: ['work'], pref: 1 });
    expect(r.cards[5]!.phones[0]!.value).toBe('55556666');
  },
  'ez-vcard-samples/John_Doe_BLACK_BERRY.vcf': (r) => {
    expect(names(r)).toEqual(['John Doe']);
    expect(first(r).phones[0]!.value).toBe('+96123456789');
  },
  'ez-vcard-samples/John_Doe_EVOLUTION.vcf': (r) => {
    expect(first(r).name).toMatchObject({
      family: 'Doe',
      given: 'John',
      additional: 'Richter, James',
    });
    expect(emails(r)).toEqual(['john.doe@ibm.com']);
    expect(first(r).addresses[0]!.country).toBe('United States of America');
  },
  'ez-vcard-samples/John_Doe_GMAIL.vcf': (r) => {
    expect(first(r).formattedName).toBe('Mr. John Richter, James Doe Sr.');
    expect(first(r).notes[0]).toMatch(
      /^THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"/,
    );
    expect(first(r).notes[0]).toMatch(/DAMAGE\.\nFavotire Color: Blue$/);
  },
  'ez-vcard-samples/John_Doe_IPHONE.vcf': (r) => {
    // \r\r\n line ends and a base64 photo folded over ~590 lines.
    expect(first(r).emails).toEqual([{ value: 'john.doe@ibm.com', types: ['internet'], pref: 1 }]);
    expect(first(r).phones).toHaveLength(7);
    expect(first(r).birthday).toEqual({ raw: '2012-06-06', date: '2012-06-06' });
  },
  'ez-vcard-samples/John_Doe_LOTUS_NOTES.vcf': (r) => {
    expect(emails(r)).toEqual(['john.doe@ibm.com', 'billy_bob@gmail.com']);
    expect(first(r).uid).toBe('0e7602cc-443e-4b82-b4b1-90f62f99a199');
  },
  'ez-vcard-samples/John_Doe_MAC_ADDRESS_BOOK.vcf': (r) => {
    expect(first(r).phones[0]).toEqual({ value: '905-777-1234', types: ['work'], pref: 1 });
    expect(first(r).addresses[0]!.street).toBe('Silicon Alley 5,');
  },
  'ez-vcard-samples/John_Doe_MS_OUTLOOK.vcf': (r) => {
    expect(emails(r)).toEqual(['john.doe@ibm.cm']);
    expect(first(r).birthday!.date).toBe('1980-03-22');
  },
  'ez-vcard-samples/fullcontact.vcf': (r) => {
    expect(first(r).emails).toHaveLength(5);
    expect(first(r).organization).toEqual(['Organization1', 'Department1']);
    expect(first(r).gender).toBe('M');
  },
  'ez-vcard-samples/gmail-list.vcf': (r) =>
    expect(emails(r)).toEqual(['asmithk@gmail.com', 'chrisy55d@yahoo.com', 'dwhite@gmail.com']),
  'ez-vcard-samples/gmail-single.vcf': (r) =>
    expect(first(r).notes).toEqual([
      "This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField",
    ]),
  'ez-vcard-samples/gmail-single2.vcf': (r) => {
    expect(first(r).emails[4]!.value).toBe('customcategory@example.com');
    expect(first(r).birthday!.date).toBe('1912-06-23');
  },
  'ez-vcard-samples/issue114.vcf': (r) =>
    expect(first(r).addresses[0]).toMatchObject({
      street: 'Dummy-Dummy-Strasse 1',
      locality: 'Bad Homburg',
      postalCode: '61352',
      country: 'Germany',
    }),
  'ez-vcard-samples/outlook-2003.vcf': (r) => {
    // A QP note whose soft break falls inside "=0D=0A"; a base64 KEY on indented lines.
    expect(first(r).notes).toEqual([
      'This is the note field!!\nSecond line\n\nThird line is empty\n',
    ]);
    expect(emails(r)).toEqual(['jdoe@hotmail.com']);
  },
  'ez-vcard-samples/outlook-2007.vcf': (r) => {
    expect(first(r).notes[0]).toMatch(/^This is the NOTE field\t\nI assume it encodes/);
    expect(emails(r)).toEqual(['mike.angstadt@gmail.com']);
  },
  'ez-vcard-samples/rfc2426-example.vcf': (r) => {
    expect(names(r)).toEqual(['Frank Dawson', 'Tim Howes']);
    expect(r.cards[1]!.addresses[0]!.postalCode).toBe('94043');
  },
  'ez-vcard-samples/rfc6350-example.vcf': (r) => {
    expect(first(r).phones[0]).toEqual({
      value: '+1-418-656-9254;ext=102',
      types: ['work', 'voice'],
      pref: 1,
    });
    expect(first(r).birthday).toEqual({ raw: '--0203', date: '' });
    expect(first(r).languages).toEqual(['fr', 'en']);
  },
  'ez-vcard-samples/thunderbird-MoreFunctionsForAddressBook-extension.vcf': (r) => {
    // The extension escaped its commas, so by the RFC this is one category.
    expect(first(r).categories).toEqual(['category1, category2, category3']);
    expect(first(r).notes[0]).toMatch(/anything in the "note" field; even curse words\.$/);
  },
  'node-vcf-testdata/empty-lines.vcf': (r) =>
    expect(first(r).addresses[0]).toMatchObject({ street: 'Heidestraße 17', locality: 'Köln' }),
  'node-vcf-testdata/multiple.vcf': (r) => {
    expect(r.cards.map((c) => c.version)).toEqual(['4.0', '2.1', '3.0']);
    expect(r.cards.map((c) => c.line)).toEqual([1, 16, 30]);
    expect(r.cards[1]!.addresses[0]!.country).toBe('Deutschland');
  },
  'node-vcf-testdata/photo-base64.vcf': (r) => {
    expect(r.cards).toEqual([]);
    expect(r.problems).toEqual([
      { line: 1, message: 'card has no name, email or phone; left out' },
    ]);
  },
  'node-vcf-testdata/quoted-list.vcf': (r) =>
    expect(first(r).phones).toEqual([
      { value: '+1-555-555-5555;ext=5555', types: ['voice', 'home'], pref: 1 },
    ]),
  'node-vcf-testdata/vcard-2.1.vcf': (r) => {
    expect(first(r).version).toBe('2.1');
    expect(emails(r)).toEqual(['forrestgump@example.com']);
  },
  'node-vcf-testdata/vcard-3.0.vcf': (r) =>
    expect(first(r).phones[1]!.value).toBe('(404) 555-1212'),
  'node-vcf-testdata/vcard-4.0.vcf': (r) =>
    expect(first(r).phones.map((p) => p.value)).toEqual([
      '+11115551212',
      '+14045551212',
      '+14045551213',
    ]),
  'node-vcf-testdata/xing.vcf': (r) =>
    expect(first(r)).toMatchObject({
      formattedName: 'Hans-Peter Mustermann',
      categories: ['Consulting'],
      title: 'CTO',
    }),
  'thunderbird-addrbook-import/addrbook-browser-data/import.vcf': (r) =>
    expect(emails(r)).toEqual(['contact1@invalid']),
  'thunderbird-addrbook-import/addrbook-unit-data/export.vcf': (r) => {
    expect(names(r)).toEqual(['contact number one', 'contact number two']);
    expect(r.cards[1]).toMatchObject({ notes: ["here's some unicode text…"], title: '"worker"' });
  },
  'thunderbird-addrbook-import/addrbook-unit-data/v3-binary-jpeg.vcf': (r) =>
    expect(names(r)).toEqual(['Binary JPEG']),
  'thunderbird-addrbook-import/addrbook-unit-data/v3-uri-uri-png.vcf': (r) =>
    expect(names(r)).toEqual(['URI PNG, version 3.0 with correct value type']),
  'thunderbird-addrbook-import/addrbook-unit-data/v4-uri-jpeg.vcf': (r) =>
    expect(names(r)).toEqual(['URI JPEG, version 4.0']),
  'thunderbird-addrbook-import/import-resources/basic_vcard_addressbook.vcf': (r) =>
    expect(emails(r)).toEqual(['john.doe@genericemail.invalid', 'jane.doe@genericemail.invalid']),
  'thunderbird-addrbook-import/import-resources/dos_vcard_addressbook.vcf': (r) =>
    expect(first(r).emails).toEqual([
      { value: 'example@gmail.com', types: ['internet', 'home'], pref: null },
    ]),
  'thunderbird-addrbook-import/import-resources/emptylines_vcard_addressbook.vcf': (r) => {
    expect(r.cards.map((c) => c.line)).toEqual([3, 11]);
    expect(names(r)).toEqual(['John Doe', 'Jane Doe']);
  },
};

describe('vCard files from ../shared/corpus', () => {
  it('finds every .vcf file, and each has its expectation here', () => {
    expect(files).toHaveLength(34);
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', (file) => {
    const result = parse(file);
    expected[file]!(result);
    if (file !== 'node-vcf-testdata/photo-base64.vcf') expect(result.problems).toEqual([]);
    // Every card gives a draft without throwing.
    for (const card of result.cards) expect(() => vcardToCustomerDraft(card)).not.toThrow();
  });
});
