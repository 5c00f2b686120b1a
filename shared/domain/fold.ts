/** Lower-case, accent-free form used to sort and search ("Élodie" sorts with "elodie"). */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
