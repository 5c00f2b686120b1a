import { MAX_PROPERTY_CHARS, readContentLines, type ContentLine } from './contentLine';
import { readCard } from './readCard';
import type { VcardContact, VcardProblem } from './vcardContact';

/** The cards of a .vcf file that could be read, and what could not, line by line. */
export interface ParsedVcards {
  cards: VcardContact[];
  problems: VcardProblem[];
}

/** How big a .vcf text, one card and one property may be, in characters. */
export interface VcardLimits {
  fileChars: number;
  cardChars: number;
  propertyChars: number;
}

export const VCARD_LIMITS: VcardLimits = {
  fileChars: 200_000_000,
  cardChars: 16_000_000,
  propertyChars: MAX_PROPERTY_CHARS,
};

/**
 * Reads every card of a .vcf text (vCard 2.1, 3.0 and 4.0, several cards per file). Never
 * throws: a card without END:VCARD, a line that is not a property, an unknown encoding or
 * charset each give a problem at their line, and every whole card still comes out. A card with
 * no name (FN or N), no email and no phone is of no use to a customer file: it is left out, with
 * a problem at its BEGIN line.
 */
export function parseVcards(
  text: string,
  limits: VcardLimits = VCARD_LIMITS,
  firstLine = 1,
): ParsedVcards {
  const cards: VcardContact[] = [];
  const problems: VcardProblem[] = [];
  if (text.length > limits.fileChars) {
    const message = `the file has ${text.length} characters, more than the ${limits.fileChars} a vCard file may have; not read`;
    return { cards, problems: [{ line: firstLine, message }] };
  }
  let open: { line: number; properties: ContentLine[]; chars: number } | null = null;
  let outsideReported = false;

  for (const item of readContentLines(text, limits.propertyChars, firstLine)) {
    if ('problem' in item) {
      problems.push({ line: item.line, message: `${item.problem}; line skipped` });
      continue;
    }
    const marker = item.value.trim().toUpperCase() === 'VCARD' ? item.name : '';
    if (marker === 'BEGIN') {
      if (open) problems.push(unfinished(open.line, `another BEGIN:VCARD at line ${item.line}`));
      open = { line: item.line, properties: [], chars: 0 };
    } else if (marker === 'END') {
      if (!open) problems.push({ line: item.line, message: 'END:VCARD without BEGIN:VCARD' });
      else if (open.chars > limits.cardChars) problems.push(tooBig(open.line, open.chars, limits));
      else finish(open.line, open.properties, cards, problems);
      open = null;
    } else if (open) {
      open.chars += item.value.length;
      // Past the cap the card is left out anyway: its properties need not be kept.
      if (open.chars <= limits.cardChars) open.properties.push(item);
      else open.properties = [];
      continue;
    } else if (!outsideReported) {
      problems.push({ line: item.line, message: 'text outside BEGIN:VCARD … END:VCARD; skipped' });
      outsideReported = true;
      continue;
    } else continue;
    outsideReported = false;
  }
  if (open) problems.push(unfinished(open.line, 'the end of the file'));
  problems.sort((a, b) => a.line - b.line);
  return { cards, problems };
}

function tooBig(line: number, chars: number, limits: VcardLimits): VcardProblem {
  const message = `card has ${chars} characters or more, more than the ${limits.cardChars} a card may have; left out`;
  return { line, message };
}

function unfinished(line: number, before: string): VcardProblem {
  return { line, message: `card has no END:VCARD before ${before}; left out` };
}

function finish(
  line: number,
  properties: ContentLine[],
  cards: VcardContact[],
  problems: VcardProblem[],
): void {
  const card = readCard(properties, line);
  problems.push(...card.problems);
  if (isUsable(card.contact)) cards.push(card.contact);
  else problems.push({ line, message: 'card has no name, email or phone; left out' });
}

function isUsable(contact: VcardContact): boolean {
  const { name } = contact;
  return (
    contact.formattedName !== '' ||
    (name !== null && (name.family !== '' || name.given !== '')) ||
    contact.emails.length > 0 ||
    contact.phones.length > 0
  );
}
