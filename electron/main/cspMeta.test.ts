import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP } from './security';

const meta = (page: string) =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
    readFileSync(new URL(`../../${page}`, import.meta.url), 'utf8'),
  )?.[1];

describe("the pages' own CSP meta tags", () => {
  // main serves the header; the meta tag is the page's second line of defence and must not differ.
  it('say what main serves (a meta tag cannot carry frame-ancestors)', () => {
    const header = (csp: string) => csp.replace(/; frame-ancestors 'none'/, '');
    expect(meta('renderer/desktop/index.html')).toBe(header(CSP.ui));
    expect(meta('electron/store/index.html')).toBe(CSP.store);
  });
});
