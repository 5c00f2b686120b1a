import { test as base, expect } from '@playwright/test';
import { DesktopTwin, type TwinOptions } from './twin/desktopTwin';

export { expect };

export interface Desktop {
  /** Starts the desktop app (main, its two windows); again with `{ laptop }` to relaunch it. */
  launch(options?: TwinOptions): Promise<DesktopTwin>;
}

/**
 * Every desktop-twin test: the app is quit at the end, and a CSP violation, console error,
 * uncaught error or unhandled rejection in any of its pages fails the test.
 */
export const test = base.extend<{ desktop: Desktop }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
  desktop: async ({}, use) => {
    const twins: DesktopTwin[] = [];
    await use({
      async launch(options) {
        const twin = await DesktopTwin.launch(options);
        twins.push(twin);
        return twin;
      },
    });
    for (const twin of twins) await twin.close();
    expect(twins.flatMap((twin) => twin.problems)).toEqual([]);
  },
});
