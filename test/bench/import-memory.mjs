#!/usr/bin/env node
// How much memory an import of a big file takes in the store worker, step by step.
//
//   node test/bench/import-memory.mjs            a 300,000-row CSV (about 50 MB) through the wizard
//   ROWS=100000 node test/bench/import-memory.mjs
//   NOBUILD=1 ...                                 reuse out/bench-web and the bench pages' build
//   APP_OUT=/abs/dir NOBUILD=1 ...               another build of the app (an older commit, say)
//
// The store worker's used JS heap is sampled every 100 ms (no forced garbage collection) while
// the file is read (inspect), checked (preview) and written (run); the peak of each step is
// printed, with the heap after a full collection at the end (the customers themselves).
// Progress goes to stderr; one JSON line with the numbers goes to stdout.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { appChromiumLaunch } from '../chromium.mjs';
import { createFile, newAppPage } from './app.mjs';
import { connectCdp, heapMb } from './cdp.mjs';
import { freePort, stopServers, viteBuild, vitePreview } from './serve.mjs';

const log = (...args) => console.error('[import-memory]', ...args);
const ROWS = Number(process.env.ROWS ?? 300_000);
const mb = (bytes) => Math.round(bytes / 2 ** 20);

/** Samples the used heap of the page's one Dedicated Worker (the store) until stopped. */
async function workerSampler(port, origin) {
  const cdp = await connectCdp(port);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const page = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(origin));
  let worker = null;
  cdp.on((event) => {
    if (event.method === 'Target.attachedToTarget' && event.params.targetInfo.type === 'worker')
      worker = event.params.sessionId;
  });
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: page.targetId,
    flatten: true,
  });
  await cdp.send(
    'Target.setAutoAttach',
    { autoAttach: true, waitForDebuggerOnStart: false, flatten: true },
    sessionId,
  );
  for (let i = 0; i < 50 && !worker; i++) await new Promise((r) => setTimeout(r, 100));
  if (!worker) throw new Error('no store worker found');
  let peak = 0;
  let stopped = false;
  let lost = null;
  const loop = (async () => {
    while (!stopped) {
      try {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage', {}, worker);
        peak = Math.max(peak, usedSize);
      } catch (error) {
        // The worker is gone: it crashed (out of memory, most likely).
        lost = `${error.message} (last peak ${mb(peak)} MB)`;
        log(`store worker lost: ${lost}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    /** The peak since the last call, and a new peak from now. */
    get lost() {
      return lost;
    },
    take() {
      const value = peak;
      peak = 0;
      return value;
    },
    async stop() {
      stopped = true;
      await loop;
      cdp.close();
    },
  };
}

async function main() {
  const appOut =
    process.env.APP_OUT ?? fileURLToPath(new URL('../../out/bench-web', import.meta.url));
  if (!process.env.NOBUILD) {
    log('building browser mode and the bench pages');
    viteBuild('build/vite.web.config.ts', appOut);
    viteBuild('test/bench/vite.config.ts');
  }
  const app = await vitePreview('build/vite.web.config.ts', { outDir: appOut });
  const pages = await vitePreview('test/bench/vite.config.ts', { path: '/rpc.html' });
  const port = await freePort();
  const browser = await chromium.launch(
    await appChromiumLaunch(chromium, [`--remote-debugging-port=${port}`]),
  );
  try {
    const naive = await browser.newPage();
    await naive.goto(`${pages}/naive.html`);
    await naive.waitForFunction(() => 'demoCsv' in window);
    const csv = Buffer.from(await naive.evaluate((rows) => window.demoCsv(rows), ROWS), 'utf8');
    await naive.close();
    log(`${ROWS} rows, ${mb(csv.length)} MB`);

    const { page } = await newAppPage(browser, app);
    await createFile(page);
    const sampler = await workerSampler(port, app);
    const before = sampler.take();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import customers' });
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      dialog.getByRole('button', { name: 'Choose a file…' }).click(),
    ]);
    sampler.take();
    // A path: Playwright refuses buffers over 50 MB.
    const path = join(mkdtempSync(join(tmpdir(), 'comptoir-import-')), 'customers.csv');
    writeFileSync(path, csv);
    await chooser.setFiles(path);
    const check = dialog.getByRole('button', { name: 'Check the file' });
    await check.waitFor({ timeout: 600_000 });
    const inspect = sampler.take();
    log(`read: peak ${mb(inspect)} MB`);
    await check.click();
    const run = dialog.getByRole('button', { name: /^Import [\d,]+ rows?$/ });
    await run.waitFor({ timeout: 600_000 });
    const preview = sampler.take();
    log(`checked: peak ${mb(preview)} MB`);
    await run.click();
    await dialog.getByText('Import finished').waitFor({ timeout: 900_000 });
    const write = sampler.take();
    await sampler.stop();
    const after = await heapMb(port, app, { workers: 1 });
    const ms = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime;
      return {
        inspect: Math.round(at('comptoir:import-inspected') - at('comptoir:import-read')),
        preview: Math.round(at('comptoir:import-checked') - at('comptoir:import-check')),
        run: Math.round(at('comptoir:import-done') - at('comptoir:import-run')),
      };
    });
    const line = {
      rows: ROWS,
      file_mb: mb(csv.length),
      worker_heap_peak_mb: {
        before: mb(before),
        inspect: mb(inspect),
        preview: mb(preview),
        run: mb(write),
      },
      worker_heap_after_gc_mb: after.parts[1],
      // Sampling the heap every 100 ms slows the steps down: these times are not the bench's.
      step_ms: ms,
    };
    console.log(JSON.stringify(line));
  } finally {
    await browser.close();
    stopServers();
  }
}

main().catch((error) => {
  console.error(error);
  stopServers();
  process.exit(1);
});
