import { CSP } from '../../electron/main/security';
import { expect, test } from './fixture';

test('each window is served with its own CSP, and the UI sees only the named bridge', async ({
  desktop,
}) => {
  const twin = await desktop.launch();
  const ui = await twin.ui();
  const store = await twin.window('store');
  const uiAnswer = await ui.request.get(ui.url());
  expect(uiAnswer.headers()['content-security-policy']).toBe(CSP.ui);
  expect(uiAnswer.headers()['x-content-type-options']).toBe('nosniff');
  const storeAnswer = await store.request.get(store.url());
  expect(storeAnswer.headers()['content-security-policy']).toBe(CSP.store);
  expect(CSP.store).toContain("'wasm-unsafe-eval'");
  expect(`${CSP.ui} ${CSP.store}`).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  // Nothing outside the window's own folder is served.
  expect((await ui.request.get(new URL('/../main/main.cjs', ui.url()).href)).status()).toBe(404);

  await expect(ui.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await ui.evaluate(() => Object.keys(window.comptoir).sort())).toEqual([
    'host',
    'onHostEvent',
  ]);
  expect(await ui.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
    'undefined',
  );
  expect(await ui.evaluate(() => Object.isFrozen(window.comptoir.host))).toBe(true);
  // The store window exposes nothing to its page.
  expect(await store.evaluate(() => 'comptoir' in window)).toBe(false);
});

test('a CSP violation in a window is caught (the net the other twin tests rely on)', async ({
  desktop,
}) => {
  const twin = await desktop.launch();
  const ui = await twin.ui();
  await expect(ui.getByRole('heading', { level: 1 })).toBeVisible();
  await ui.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
  });
  await expect.poll(() => twin.problems.map((p) => `${p.window} ${p.type}`)).toContain('ui csp');
  expect(await ui.evaluate(() => 'injected' in window)).toBe(false);
  twin.problems.length = 0; // seen and expected: the fixture checks the rest of the test
});
