export const COMMON_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.fr',
  'outlook.com',
  'outlook.fr',
  'live.com',
  'live.fr',
  'yahoo.com',
  'yahoo.fr',
  'icloud.com',
  'me.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  'bbox.fr',
  'neuf.fr',
  'aol.com',
  'gmx.fr',
  'gmx.com',
  'protonmail.com',
  'proton.me',
] as const;

export const COMMON_TLDS = ['com', 'fr', 'net', 'org', 'be', 'ch', 'de', 'co.uk', 'eu'] as const;

// Real mailbox providers one edit away from a common domain: never "corrected".
const KNOWN_LOOKALIKES = new Set(['mail.com', 'email.com', 'ymail.com']);

const DOMAINS: readonly string[] = COMMON_DOMAINS;
const TLDS: readonly string[] = COMMON_TLDS;

/** The address with its domain corrected when that domain looks like a typo of a common one. */
export function suggestEmail(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const domain = address.slice(at + 1).toLowerCase();
  if (domain === '' || DOMAINS.includes(domain) || KNOWN_LOOKALIKES.has(domain)) return undefined;
  const best = closestDomain(domain);
  return best === undefined ? undefined : `${address.slice(0, at)}@${best}`;
}

/**
 * Domains repeat from address to address (an import of 100k rows has a few hundred): each one
 * is compared with the common domains once, up to a bound on what is kept.
 */
const closest = new Map<string, string | undefined>();
const CLOSEST_KEPT = 10_000;

function closestDomain(domain: string): string | undefined {
  if (closest.has(domain)) return closest.get(domain);
  if (closest.size >= CLOSEST_KEPT) closest.clear();
  const best = findClosestDomain(domain);
  closest.set(domain, best);
  return best;
}

function findClosestDomain(domain: string): string | undefined {
  const [sld, tld] = splitDomain(domain);
  const limit = domain.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of DOMAINS) {
    const [candidateSld, candidateTld] = splitDomain(candidate);
    const distance = damerauLevenshtein(domain, candidate);
    // Same provider name: only a near-typo of its TLD, never another real TLD (yahoo.de).
    const fits =
      sld === candidateSld
        ? !TLDS.includes(tld) && damerauLevenshtein(tld, candidateTld) <= 1
        : distance <= limit;
    if (fits && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function splitDomain(domain: string): [string, string] {
  const dot = domain.indexOf('.');
  return dot === -1 ? [domain, ''] : [domain.slice(0, dot), domain.slice(dot + 1)];
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions, transpositions. */
export function damerauLevenshtein(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const above = rows[i - 1] ?? [];
      let d = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}
