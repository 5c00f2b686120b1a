/** Lower-case, accent-free form used to sort and search ("Élodie" sorts with "elodie"). */
export function foldText(value: string): string {
  // Most names and emails are plain ASCII: lower-casing is all they need, and far cheaper.
  if (!NON_ASCII.test(value)) return value.toLowerCase();
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

const NON_ASCII = /[^ -~]/; // anything outside printable ASCII
