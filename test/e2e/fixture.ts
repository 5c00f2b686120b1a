import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export { chromium, expect } from '@playwright/test';
export type { Locator, Page, TestInfo } from '@playwright/test';

/** Reported by the page to its console: CSP violations and unhandled rejections fail the test too. */
const WATCH = `(() => {
  document.addEventListener('securitypolicyviolation', (e) =>
    console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber));
  window.addEventListener('unhandledrejection', (e) =>
    console.error('Unhandled rejection: ' + (e.reason && e.reason.stack || e.reason)));
})();`;

/**
 * Collects every CSP violation, console error, uncaught error and unhandled rejection of the
 * context's pages (those open now, and those opened later, once they load a document).
 */
export async function watchForProblems(context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  await context.addInitScript(WATCH);
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.stack ?? error}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return problems;
}

/**
 * Every browser-mode test: a CSP violation, console error, uncaught error or unhandled
 * rejection in any page of its context fails it, as in the desktop twin (test/desktop/fixture.ts).
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    const problems = await watchForProblems(context);
    await use(context);
    expect(problems).toEqual([]);
  },
});
