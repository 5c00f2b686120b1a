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
  expect(`${CSP.ui} ${CSP.store}`).not.toMatch(/'unsafe-eval'|'unsafe-inline'|'wasm-unsafe-eval'/);
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

test('the store window may not compile WebAssembly (it needs none: WebCrypto pages, Argon2id in main)', async ({
  desktop,
}) => {
  const twin = await desktop.launch();
  const ui = await twin.ui();
  await expect(ui.getByRole('heading', { level: 1 })).toBeVisible();
  const store = await twin.window('store');
  const before = twin.problems.length;
  const compiled = await store.evaluate(async () => {
    // The smallest valid module.
    const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    try {
      await WebAssembly.compile(empty);
      return 'compiled';
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(compiled).toBe('CompileError');
  await expect
    .poll(() => twin.problems.slice(before).map((p) => `${p.window} ${p.type}`))
    .toContain('store csp');
  // Seen and expected (asked for on purpose): the fixture checks everything else.
  const ours = twin.problems.slice(before);
  expect(ours.every((p) => p.window === 'store')).toBe(true);
  twin.problems.length = before;
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
