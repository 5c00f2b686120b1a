/** A run of whole cards of a .vcf text, and the file line it starts at. */
export interface VcardSlice {
  text: string;
  firstLine: number;
}

const CARD_END = /\nEND:VCARD[ \t]*\r*\n(?![ \t])/gi;

/**
 * Cuts a .vcf text after END:VCARD lines into slices of about `chars` characters or more, so a
 * long file can be parsed a slice at a time with other work between; parsing the slices one by
 * one gives what parsing the whole gives. A text with no LF (CR line ends) stays one slice.
 */
export function* vcardSlices(text: string, chars: number): Generator<VcardSlice> {
  const cardEnd = new RegExp(CARD_END);
  let start = 0;
  let firstLine = 1;
  cardEnd.lastIndex = chars;
  while (text.includes('\n') && start < text.length) {
    const match = cardEnd.exec(text);
    if (!match) break;
    const end = match.index + match[0].length;
    const slice = text.slice(start, end);
    yield { text: slice, firstLine };
    firstLine += countLineEnds(slice);
    start = end;
    cardEnd.lastIndex = start + chars;
  }
  if (start < text.length) yield { text: text.slice(start), firstLine };
}

function countLineEnds(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
