#!/usr/bin/env node
// A tool for performance work, not part of `npm run bench`: types the bench's 40 search
// keystrokes at 100k customers and prints, per run, the p95 / p50 and every keystroke's time
// (input event -> first rows in the UI's list state, as search_keystroke_p95_ms measures it).
//   node test/bench/trace-search.mjs            one run, after building browser mode
//   RUNS=3 NOBUILD=1 node test/bench/trace-search.mjs
//   TRACE=out/search-trace.json node ...        also records a Chrome trace (page, store worker,
//                                               CPU samples) of the last run, for chrome://tracing
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { appChromiumLaunch, chromiumLaunch } from '../chromium.mjs';
import { createFile, loadDemo, newAppPage, searchTimes, storeOpenMs, timedUnlock } from './app.mjs';
import { stopServers, viteBuild, vitePreview } from './serve.mjs';
import { median, percentile, round } from './stats.mjs';

const runs = Number(process.env.RUNS ?? 1);
const appOut = fileURLToPath(new URL('../../out/bench-web', import.meta.url));
if (!process.env.NOBUILD) viteBuild('build/vite.web.config.ts', appOut);
const app = await vitePreview('build/vite.web.config.ts', { outDir: appOut });
// As the bench: Chromium with the app's switches. PLAIN=1 launches it as Playwright does,
// to compare; CHROMIUM_ARGS="--flag --other" adds switches.
const extraArgs = (process.env.CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);
const browser = await chromium.launch(
  process.env.PLAIN
    ? { ...chromiumLaunch, args: [...chromiumLaunch.args, ...extraArgs] }
    : await appChromiumLaunch(chromium, extraArgs),
);
try {
  const { page } = await newAppPage(browser, app);
  await createFile(page);
  await loadDemo(page, '100,000');
  console.log(`unlock ${round((await timedUnlock(page)).unlockMs)} ms`);
  console.log(`store open ${round(await storeOpenMs(page))} ms`); // as the bench
  for (let run = 1; run <= runs; run++) {
    const trace = process.env.TRACE && run === runs ? process.env.TRACE : null;
    if (trace) {
      await browser.startTracing(page, {
        path: trace,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
          'toplevel',
          'v8',
          'disabled-by-default-v8.cpu_profiler',
        ],
      });
    }
    const { shown, painted } = await searchTimes(page);
    if (trace) await browser.stopTracing();
    console.log(
      `run ${run}: p95 ${round(percentile(shown, 95))} ms, p50 ${round(median(shown))} ms, ` +
        `to paint p95 ${round(percentile(painted, 95))} p50 ${round(median(painted))}; ` +
        shown.map((ms) => Math.round(ms)).join(' '),
    );
  }
} finally {
  await browser.close();
  stopServers();
}
