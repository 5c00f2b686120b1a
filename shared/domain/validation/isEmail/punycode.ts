// RFC 3492 constants.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

const SEPARATORS = /[\x2E\u3002\uFF0E\uFF61]/g;
const NON_ASCII = /[^\0-\x7F]/;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  for (; d > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) d = Math.floor(d / (BASE - T_MIN));
  return Math.floor(k + ((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** Length of the Punycode encoding of `label` (RFC 3492), without the `xn--` prefix. */
function encodedLength(label: string): number {
  const points = Array.from(label, (ch) => ch.codePointAt(0) ?? 0);
  const basic = points.filter((cp) => cp < 0x80).length;
  let length = basic > 0 ? basic + 1 : 0;
  let handled = basic;
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  while (handled < points.length) {
    const m = Math.min(...points.filter((cp) => cp >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of points) {
      if (cp < n) delta += 1;
      if (cp !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        length += 1;
        q = Math.floor((q - t) / (BASE - t));
      }
      length += 1;
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled += 1;
    }
    delta += 1;
    n += 1;
  }
  return length;
}

/** `punycode.toASCII(domain).length`, as isemail measures domains (punycode.js 2.x). */
const ANY_NON_ASCII = /[\u0080-\uffff]/;

export function toAsciiLength(domain: string): number {
  // Almost every domain is plain ASCII: its length is its ASCII length (an import checks 100k).
  if (!ANY_NON_ASCII.test(domain) && !domain.includes('@')) return domain.length;
  const at = domain.split('@');
  const prefix = at.length > 1 ? (at[0] ?? '').length + 1 : 0;
  const rest = at.length > 1 ? (at[1] ?? '') : domain;
  const labels = rest.replace(SEPARATORS, '.').split('.');
  const encoded = labels.map((l) => (NON_ASCII.test(l) ? 4 + encodedLength(l) : l.length));
  return prefix + labels.length - 1 + encoded.reduce((sum, len) => sum + len, 0);
}
