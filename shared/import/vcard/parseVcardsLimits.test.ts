import { describe, expect, it } from 'vitest';
import { readContentLines } from './contentLine';
import { parseVcards, VCARD_LIMITS } from './parseVcards';

const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';

describe('parseVcards: big files and caps', () => {
  it('reads soft line breaks in work linear in the text: characters sliced, counted', () => {
    const pieces = Array.from({ length: 2_000 }, (_, i) => `abcd ${i}=`);
    const text = card('VERSION:2.1', 'NOTE;ENCODING=QUOTED-PRINTABLE:' + pieces.join('\r\n'), 'x');
    const slice = String.prototype.slice;
    let sliced = 0;
    // Re-slicing the whole value at each soft break touched ~lines²/2 × line length characters.
    String.prototype.slice = function (this: string, ...args: [number?, number?]) {
      sliced += this.length;
      return slice.apply(this, args);
    };
    try {
      readContentLines(text);
    } finally {
      String.prototype.slice = slice;
    }
    expect(sliced).toBeLessThan(4 * text.length);
  });

  it('joins 20,000 quoted-printable soft line breaks into one value', () => {
    const pieces = Array.from({ length: 20_000 }, (_, i) => `ab=C3=A9cd ${i}=`);
    const note = 'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:' + pieces.join('\r\n');
    const { cards, problems } = parseVcards(card('VERSION:2.1', 'FN:Ann', note, 'x'));
    expect(problems).toEqual([]);
    const written = Array.from({ length: 20_000 }, (_, i) => `abécd ${i}`).join('') + 'x';
    expect(cards[0]!.notes).toEqual([written]);
  });

  it('refuses a file over the size cap, at line 1', () => {
    const text = card('FN:Ann');
    const { cards, problems } = parseVcards(text, { ...VCARD_LIMITS, fileChars: 10 });
    expect(cards).toEqual([]);
    expect(problems).toEqual([
      {
        line: 1,
        message: `the file has ${text.length} characters, more than the 10 a vCard file may have; not read`,
      },
    ]);
  });

  it('skips a property over the cap, soft breaks included, at the line where it starts', () => {
    const text = card('FN:Ann', 'NOTE;ENCODING=QUOTED-PRINTABLE:aaaa=', 'bbbb=', 'cccc');
    const { cards, problems } = parseVcards(text, { ...VCARD_LIMITS, propertyChars: 40 });
    expect(cards.map((c) => c.formattedName)).toEqual(['Ann']);
    expect(problems).toEqual([
      {
        line: 3,
        message: 'NOTE is 43 characters long, more than the 40 a property may have; line skipped',
      },
    ]);
  });

  it('leaves out a card over the cap, at its BEGIN line; the next card still comes out', () => {
    const text = card('FN:Ann', 'NOTE:' + 'n'.repeat(30)) + card('FN:Bob');
    const { cards, problems } = parseVcards(text, { ...VCARD_LIMITS, cardChars: 20 });
    expect(cards.map((c) => c.formattedName)).toEqual(['Bob']);
    expect(problems).toEqual([
      {
        line: 1,
        message: 'card has 33 characters or more, more than the 20 a card may have; left out',
      },
    ]);
  });
});
