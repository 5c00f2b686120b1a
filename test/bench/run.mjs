#!/usr/bin/env node
// `npm run bench`: builds browser mode and the bench pages, drives them in Chromium, prints one
// JSON line per metric {metric, value, unit, baseline, target} and writes bench-results.json.
// Progress goes to stderr; stdout carries only the results.
import { spawn, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../chromium.mjs';
import { heapMb } from './cdp.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const APP_PORT = 4181;
const PAGES_PORT = 4182;
const DEVTOOLS_PORT = 9339;
const APP = `http://127.0.0.1:${APP_PORT}`;
const PAGES = `http://127.0.0.1:${PAGES_PORT}`;
const PASSPHRASE = 'Vélo rouge, quai Saint-Antoine 1987!';

const log = (...args) => console.error('[bench]', ...args);
const vite = (...args) => [
  fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url)),
  ...args,
];
const median = (values) => percentile(values, 50);
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** What a user types, letter by letter: names without accents, a phone, an email, a city. */
const SEARCHES = ['helene', 'martin', 'dupont', 'francois', '06 12', 'gmail', 'lyon'];
const keystrokes = () =>
  SEARCHES.flatMap((word) => Array.from(word, (_, i) => word.slice(0, i + 1)));

/**
 * Types each search letter by letter. Per keystroke: ms from the input event to the first rows
 * in the UI's list state (contract call, search, transfer), and to the next frame painted.
 */
async function searchTimes(page) {
  const box = page.getByRole('searchbox');
  const shown = [];
  const painted = [];
  for (const word of SEARCHES) {
    await box.fill('');
    for (let i = 1; i <= word.length; i++) {
      const query = word.slice(0, i);
      await box.press(word[i - 1] === ' ' ? 'Space' : word[i - 1]);
      const handle = await page.waitForFunction(
        (q) => {
          const last = (name) =>
            performance
              .getEntriesByName(name)
              .filter((m) => m.detail === q)
              .at(-1)?.startTime;
          const typed = last('comptoir:search-typed');
          const inUi = last('comptoir:search-shown');
          const onScreen = last('comptoir:search-painted');
          if (typed === undefined || !(inUi > typed) || !(onScreen > typed)) return null;
          return [inUi - typed, onScreen - typed];
        },
        query,
        { timeout: 10_000 },
      );
      const [toUi, toPaint] = await handle.jsonValue();
      if (process.env.BENCH_VERBOSE) log(`search "${query}": ${round(toUi)} ms`);
      shown.push(toUi);
      painted.push(toPaint);
    }
  }
  return { shown, painted };
}

const servers = [];
function serve(args, url) {
  const child = spawn(process.execPath, vite(...args), {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  servers.push(child);
  return waitFor(url);
}
async function waitFor(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not start`);
}

/** Creates the customer file through the first-run screens. */
async function createFile(page) {
  const fields = page.locator('input[type=password]');
  await fields.nth(0).fill(PASSPHRASE);
  await fields.nth(1).fill(PASSPHRASE);
  await page.locator('button[type=submit]:not([disabled])').click();
  const key = (await page.getByTestId('recovery-key').textContent({ timeout: 30_000 })).trim();
  await page.locator('#recovery-confirm').fill(key.split('-').at(-1));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1 }).waitFor();
}

async function loadDemo(page, label) {
  await page.getByRole('button', { name: /Load demo data/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: label }).check();
  await dialog.getByRole('button', { name: 'Load', exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 600_000 });
}

/** Reloads, unlocks, and returns the User Timing marks the app sets (ms). */
async function unlockAndMark(page) {
  await page.reload();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await page.getByTestId('customer-row').first().waitFor({ timeout: 60_000 });
  return page.evaluate(async () => {
    const mark = (name) => performance.getEntriesByName(name).at(-1)?.startTime;
    for (let i = 0; i < 100 && mark('comptoir:list-painted') === undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return {
      submitted: mark('comptoir:unlock-submitted'),
      mounted: mark('comptoir:list-mounted'),
      painted: mark('comptoir:list-painted'),
    };
  });
}

async function appWith(browser, count, label) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  await page.goto(APP);
  await createFile(page);
  log(`loading ${label} demo customers`);
  const started = Date.now();
  await loadDemo(page, label);
  log(`loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { context, page };
}

async function main() {
  const began = Date.now();
  log('building browser mode and the bench pages');
  const appOut = fileURLToPath(new URL('../../out/bench-web', import.meta.url));
  execFileSync(
    process.execPath,
    vite('build', '-c', 'build/vite.web.config.ts', '--logLevel', 'warn', '--outDir', appOut),
    { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  execFileSync(
    process.execPath,
    vite('build', '-c', 'test/bench/vite.config.ts', '--logLevel', 'warn'),
    { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await serve(
    ['preview', '-c', 'build/vite.web.config.ts', '--outDir', appOut, '--port', String(APP_PORT)],
    APP,
  );
  await serve(
    ['preview', '-c', 'test/bench/vite.config.ts', '--port', String(PAGES_PORT)],
    `${PAGES}/rpc.html`,
  );

  const browser = await chromium.launch({
    ...chromiumLaunch,
    args: [...chromiumLaunch.args, `--remote-debugging-port=${DEVTOOLS_PORT}`],
  });
  const results = [];
  const report = (metric, value, unit, baseline, target, extra = {}) => {
    const line = {
      metric,
      value: round(value),
      unit,
      baseline: baseline === null ? null : round(baseline),
      target,
      ...extra,
    };
    results.push(line);
    console.log(JSON.stringify(line));
  };

  try {
    // 1. Transport: a no-op call page -> store worker -> page, against a bare postMessage echo.
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${PAGES}/rpc.html`);
      await page.waitForFunction(() => 'benchRpc' in window);
      if (!(await page.evaluate(() => window.isolated)))
        throw new Error(
          'bench pages are not cross-origin isolated: timings would be coarsened to 100 µs',
        );
      const { ours, naive } = await page.evaluate(() => window.benchRpc(3000));
      report('rpc_roundtrip_p50_us', median(ours), 'us', median(naive), null, {
        p95: round(percentile(ours, 95)),
        n: ours.length,
      });
      await context.close();
    }

    // 2. The list at 10k: from the list's mount to its first rows painted, after unlock.
    let naiveList10k;
    {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${PAGES}/naive.html`);
      await page.waitForFunction(() => 'naiveListPaint' in window);
      naiveList10k = await page.evaluate(() => window.naiveListPaint(10_000));
      await context.close();
    }
    {
      const { context, page } = await appWith(browser, 10_000, '10,000');
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const marks = await unlockAndMark(page);
        runs.push(marks.painted - marks.mounted);
      }
      report('list_first_paint_ms', median(runs), 'ms', naiveList10k, null, {
        customers: 10_000,
        runs: runs.map((r) => round(r)),
      });
      await context.close();
    }

    // 3. Unlock at 100k, then the heap of page + store worker.
    {
      const { context, page } = await appWith(browser, 100_000, '100,000');
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const marks = await unlockAndMark(page);
        runs.push(marks.painted - marks.submitted);
        log(`unlock at 100k: ${round(runs.at(-1))} ms`);
      }
      // The search index builds in the background after unlock (about 2 s at 100k here).
      await page.waitForTimeout(3000);
      const searchMs = await searchTimes(page);
      const ours = await heapMb(DEVTOOLS_PORT, APP);
      await context.close();

      log('naive design: writing 100k rows, one encrypted record each');
      const naiveContext = await browser.newContext();
      const naive = await naiveContext.newPage();
      await naive.goto(`${PAGES}/naive.html`);
      await naive.waitForFunction(() => 'naiveSeed' in window);
      await naive.evaluate(() => window.naiveSeed(100_000));
      const naiveRuns = [];
      for (let i = 0; i < 3; i++) naiveRuns.push(await naive.evaluate(() => window.naiveUnlock()));
      if ((await naive.evaluate(() => window.naiveCount())) !== 100_000)
        throw new Error('the naive store did not open 100k records');
      const naiveHeap = await heapMb(DEVTOOLS_PORT, PAGES);
      const naiveSearchMs = await naive.evaluate(
        (queries) => window.naiveSearch(queries),
        keystrokes(),
      );
      await naiveContext.close();

      report('unlock_ready_ms', median(runs), 'ms', median(naiveRuns), 1500, {
        customers: 100_000,
        runs: runs.map((r) => round(r)),
        baseline_runs: naiveRuns.map((r) => round(r)),
      });
      report('heap_mb', ours.mb, 'MB', naiveHeap.mb, 600, {
        customers: 100_000,
        parts_mb: ours.parts,
      });
      report(
        'search_keystroke_p95_ms',
        percentile(searchMs.shown, 95),
        'ms',
        percentile(naiveSearchMs, 95),
        16,
        {
          customers: 100_000,
          keystrokes: searchMs.shown.length,
          p50: round(median(searchMs.shown)),
          max: round(Math.max(...searchMs.shown)),
          p95_to_paint: round(percentile(searchMs.painted, 95)),
        },
      );
    }
  } finally {
    await browser.close();
  }
  writeFileSync(`${repo}/bench-results.json`, `${JSON.stringify(results, null, 2)}\n`);
  log(`done in ${((Date.now() - began) / 1000).toFixed(0)} s; wrote bench-results.json`);
}

main()
  .catch((error) => {
    console.error(`[bench] FAILED: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const server of servers) server.kill();
  });
