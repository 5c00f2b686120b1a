/** Words that start a family name: "Marie de la Tour", "Yann Le Gall", "Jan van der Berg". */
const PARTICLES = new Set([
  'de',
  'du',
  'des',
  'le',
  'la',
  'van',
  'von',
  'der',
  'den',
  'di',
  'da',
  'del',
  'della',
  'dos',
  'das',
  'do',
  'ben',
  'bin',
  'ibn',
  'al',
  'el',
]);

/** A word in capitals, as French forms write family names ("DUPONT Marie"). */
const isCapitals = (word: string) =>
  /\p{Lu}/u.test(word) && word === word.toUpperCase() && word.length > 1;

/**
 * First and last name from one cell: "Dupont, Marie" (family name before the comma), "DUPONT
 * Marie" (family name in capitals first), "Marie de la Tour" (family name from its particle on),
 * else "Jean Pierre Dupont" (family name is the last word). A single word is taken as a first
 * name: forms that ask for one "name" mostly get the first one.
 */
export function splitFullName(value: string): { firstName: string; lastName: string } {
  const text = value.trim().replace(/\s+/g, ' ');
  const comma = text.indexOf(',');
  if (comma >= 0) {
    return { lastName: text.slice(0, comma).trim(), firstName: text.slice(comma + 1).trim() };
  }
  const words = text === '' ? [] : text.split(' ');
  if (words.length < 2) return { firstName: text, lastName: '' };
  const capitals = words.findIndex((word) => !isCapitals(word));
  if (capitals > 0) return join(words, capitals, true);
  const particle = words.findIndex(
    (word, i) => i > 0 && i < words.length - 1 && PARTICLES.has(word.toLowerCase()),
  );
  return join(words, particle > 0 ? particle : words.length - 1, false);
}

function join(words: string[], at: number, lastFirst: boolean) {
  const before = words.slice(0, at).join(' ');
  const after = words.slice(at).join(' ');
  return lastFirst
    ? { lastName: before, firstName: after }
    : { firstName: before, lastName: after };
}
