#!/usr/bin/env node
// A tool for performance work, not part of `npm run bench`: at 100k customers and 1M purchase
// lines, types the bench's segment rules into the editor RUNS times (the first pass is what
// `segment_count_p95_ms` measures; later passes show the steady state).
//   node test/bench/segment-counts.mjs             after building browser mode
//   RUNS=3 NOBUILD=1 SEARCH=1 node test/bench/segment-counts.mjs   also the search keystrokes
//   CHROMIUM_ARGS="--js-flags=--trace-gc" DEBUG=pw:browser ...       with V8's GC log
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { appChromiumLaunch } from '../chromium.mjs';
import {
  SEGMENT_RULES,
  createFile,
  loadDemo,
  newAppPage,
  searchTimes,
  segmentCountTimes,
  storeOpenMs,
  timedUnlock,
} from './app.mjs';
import { stopServers, viteBuild, vitePreview } from './serve.mjs';
import { median, percentile, round } from './stats.mjs';

const appOut = fileURLToPath(new URL('../../out/bench-web', import.meta.url));
if (!process.env.NOBUILD) viteBuild('build/vite.web.config.ts', appOut);
const app = await vitePreview('build/vite.web.config.ts', { outDir: appOut });
const extraArgs = (process.env.CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);
const browser = await chromium.launch(await appChromiumLaunch(chromium, extraArgs));
const list = (ms) => ms.map(Math.round).join(' ');
try {
  const { page } = await newAppPage(browser, app);
  await createFile(page);
  await loadDemo(page, '100,000');
  console.log(`unlock ${round((await timedUnlock(page)).unlockMs)} ms`);
  console.log(`store fully open ${round(await storeOpenMs(page))} ms after the unlock started`);
  if (process.env.SEARCH) {
    const { shown } = await searchTimes(page);
    console.log(`search p95 ${round(percentile(shown, 95))} ms; ${list(shown)}`);
  }
  for (let run = 1; run <= Number(process.env.RUNS ?? 1); run++) {
    const { first, times } = await segmentCountTimes(page, SEGMENT_RULES);
    console.log(
      `run ${run}: first ${round(first)} ms, then p95 ${round(percentile(times, 95))}, ` +
        `p50 ${round(median(times))}; ${list(times)}`,
    );
  }
} finally {
  await browser.close();
  stopServers();
}
