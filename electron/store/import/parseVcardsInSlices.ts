import { yieldToEvents } from '../../../shared/async/yieldToEvents';
import {
  parseVcards,
  VCARD_LIMITS,
  type ParsedVcards,
} from '../../../shared/import/vcard/parseVcards';
import { vcardSlices } from '../../../shared/import/vcard/vcardSlices';

/** About 64k characters of cards, a few milliseconds of parsing, between two pauses. */
const SLICE_CHARS = 64 * 1024;

/**
 * Parses a .vcf text as parseVcards does, a slice of whole cards at a time, letting other
 * calls (a cancel, a search) run between slices instead of waiting for the whole file.
 */
export async function parseVcardsInSlices(
  text: string,
  chars = SLICE_CHARS,
  pause: () => Promise<void> = yieldToEvents,
): Promise<ParsedVcards> {
  if (text.length > VCARD_LIMITS.fileChars) return parseVcards(text);
  const cards: ParsedVcards['cards'] = [];
  const problems: ParsedVcards['problems'] = [];
  for (const slice of vcardSlices(text, chars)) {
    const part = parseVcards(slice.text, VCARD_LIMITS, slice.firstLine);
    for (const card of part.cards) cards.push(card);
    for (const problem of part.problems) problems.push(problem);
    await pause();
  }
  return { cards, problems };
}
