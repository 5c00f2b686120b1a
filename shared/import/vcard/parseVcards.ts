import { readContentLines, type ContentLine } from './contentLine';
import { readCard } from './readCard';
import type { VcardContact, VcardProblem } from './vcardContact';

/** The cards of a .vcf file that could be read, and what could not, line by line. */
export interface ParsedVcards {
  cards: VcardContact[];
  problems: VcardProblem[];
}

/**
 * Reads every card of a .vcf text (vCard 2.1, 3.0 and 4.0, several cards per file). Never
 * throws: a card without END:VCARD, a line that is not a property, an unknown encoding or
 * charset each give a problem at their line, and every whole card still comes out. A card with
 * no name (FN or N), no email and no phone is of no use to a customer file: it is left out, with
 * a problem at its BEGIN line.
 */
export function parseVcards(text: string): ParsedVcards {
  const cards: VcardContact[] = [];
  const problems: VcardProblem[] = [];
  let open: { line: number; properties: ContentLine[] } | null = null;
  let outsideReported = false;

  for (const item of readContentLines(text)) {
    if ('problem' in item) {
      problems.push({ line: item.line, message: `${item.problem}; line skipped` });
      continue;
    }
    const marker = item.value.trim().toUpperCase() === 'VCARD' ? item.name : '';
    if (marker === 'BEGIN') {
      if (open) problems.push(unfinished(open.line, `another BEGIN:VCARD at line ${item.line}`));
      open = { line: item.line, properties: [] };
    } else if (marker === 'END') {
      if (!open) problems.push({ line: item.line, message: 'END:VCARD without BEGIN:VCARD' });
      else finish(open.line, open.properties, cards, problems);
      open = null;
    } else if (open) {
      open.properties.push(item);
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
