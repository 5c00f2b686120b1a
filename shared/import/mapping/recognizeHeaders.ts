import { HEADER_ALIASES, headerKey, numberedGuess, type HeaderGuess } from './headerAliases';
import { customTarget, isMultipleTarget, type TargetId } from './importTargets';

/** A custom field named like a header beats a built-in field of the same name. */
const CUSTOM_SCORE = 120;

/**
 * The target each header column maps to by itself, or null when none fits: headers of Shopify,
 * HubSpot, Mailchimp, Google Contacts, Outlook.com, Thunderbird and French spreadsheets, and
 * the user's custom fields by their label. Accents, case and punctuation don't count. When two
 * columns point to a field that holds one value, the better-named one wins (the first on a tie)
 * and the other is left out, or becomes an additional phone or email where that fits.
 */
export function recognizeColumns(
  headers: string[],
  customFields: { id: string; label: string }[] = [],
): (TargetId | null)[] {
  const custom = new Map<string, TargetId>();
  for (const field of customFields) {
    custom.set(headerKey(field.id), customTarget(field.id));
    custom.set(headerKey(field.label), customTarget(field.id));
  }
  const guesses = headers.map((header) => guessHeader(header, custom));
  const mapping = guesses.map((guess) => guess?.target ?? null);
  const winners = new Map<TargetId, number>();
  guesses.forEach((guess, column) => {
    if (!guess || isMultipleTarget(guess.target)) return;
    const best = winners.get(guess.target);
    if (best === undefined) {
      winners.set(guess.target, column);
      return;
    }
    const [kept, dropped] = guess.score > guesses[best]!.score ? [column, best] : [best, column];
    winners.set(guess.target, kept);
    mapping[dropped] = guesses[dropped]!.orElse ?? null;
  });
  return mapping;
}

/** What one header suggests, or null. */
export function guessHeader(header: string, custom = new Map<string, TargetId>()) {
  const key = headerKey(header);
  if (key === '') return null;
  // Shopify metafield columns: "Date de naissance (customer.metafields.facts.birth_date)".
  const bare = headerKey(header.replace(/\s*\([^)]*\)\s*$/, ''));
  for (const candidate of key === bare ? [key] : [key, bare]) {
    const target = custom.get(candidate);
    if (target) return { target, score: CUSTOM_SCORE } satisfies HeaderGuess;
    const guess = HEADER_ALIASES.get(candidate) ?? numberedGuess(candidate);
    if (guess) return guess;
  }
  return null;
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_SHAPE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/;
// Numbers and phones alike: digits with the separators people put in them.
const NUMBER_SHAPE = /^[+-]?[\d\s().,'/-]*\d[\d\s().,'/-]*$/;
const LABEL_SHAPE = /^\p{L}.{0,59}$/su;

/** Whether a cell holds a value (an email, a phone, a date, a number) rather than a name. */
function looksLikeValue(cell: string): boolean {
  const text = cell.trim();
  return EMAIL_SHAPE.test(text) || DATE_SHAPE.test(text) || NUMBER_SHAPE.test(text);
}

/**
 * Whether the first row names the columns: none of its cells is an email, a phone, a date or a
 * number, and either one of them is a header we know, or all of them read as labels while the
 * second row holds a value somewhere. A row of names only ("Marie,Dupont,Paris") cannot be told
 * from a header; the answer is then no, and the wizard lets the user say otherwise.
 */
export function looksLikeHeader(firstRow: string[], secondRow?: string[]): boolean {
  const cells = firstRow.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (cells.length === 0 || cells.some(looksLikeValue)) return false;
  if (recognizeColumns(firstRow).some((target) => target !== null)) return true;
  const labels = cells.every((cell) => LABEL_SHAPE.test(cell));
  return labels && (secondRow ?? []).some(looksLikeValue);
}
