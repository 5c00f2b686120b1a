import { describe, expect, it } from 'vitest';
import { parseVcards } from '../../../shared/import/vcard/parseVcards';
import { parseVcardsInSlices } from './parseVcardsInSlices';

const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';

describe('parseVcardsInSlices', () => {
  const text =
    card('VERSION:3.0', 'FN:Ann', 'NOTE:first') +
    'stray text\r\n' +
    card('FN:Bob', 'broken line') +
    'BEGIN:VCARD\r\nFN:Lost\r\n' +
    card('FN:Cléo', 'EMAIL:cleo@example.org', ' .fr') +
    card('VERSION:2.1', 'NOTE;ENCODING=QUOTED-PRINTABLE:a=', 'b', 'FN:Dan');

  it('pauses between slices and gives what parsing the whole text gives, lines included', async () => {
    let pauses = 0;
    const sliced = await parseVcardsInSlices(text, 10, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(pauses).toBeGreaterThan(3);
    expect(sliced).toEqual(parseVcards(text));
    expect(sliced.cards.map((c) => c.formattedName)).toEqual(['Ann', 'Bob', 'Cléo', 'Dan']);
  });

  it('keeps a file with CR line ends in one slice', async () => {
    const cr = text.replace(/\r\n/g, '\r');
    let pauses = 0;
    const sliced = await parseVcardsInSlices(cr, 10, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(pauses).toBe(1);
    expect(sliced).toEqual(parseVcards(cr));
  });
});
