import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page, type TestInfo } from './fixture';
import { CustomersScreen, PASSPHRASE, createFile, unlock } from './pages/CustomersScreen';
import { OwnedChromium, storageQuiet, storageState, storageWritten } from './pages/ownedChromium';

/**
 * kill -9 in the middle of a write (issue 18, section 3): on reopening, the customer file is as
 * it was before the operation or as it is after it, never in between, and no page is damaged.
 *
 * How, and why so:
 * - Chromium is started by the test (OwnedChromium: /usr/bin/chromium headless with the suite's
 *   flags, a profile folder of its own, DevTools on a port it picks) and driven over CDP, so the
 *   test owns its process. The kill is SIGKILL to its whole process group: the browser, its
 *   renderers and its storage go down at once, as in a crash or a power cut (short of the OS
 *   losing its page cache). Once every process of it is gone, Chromium starts again on the
 *   same profile folder.
 * - Where the kill lands: the profile's IndexedDB files are watched (every 2 ms) from the test.
 *   Each operation runs once whole first, on the same file, which measures its write window
 *   here (from the first change of those files after the click to the last one before the app
 *   says it is done). Then the operation is started again and killed at the first change plus
 *   0, 1/2 and 1 of that window: as its commit starts, half way through, and about when it ends.
 *   The window is measured on the machine running the test, so the kills stay inside it on a
 *   fast laptop and on a loaded 2-core CI machine. Before each click the files must have been
 *   still for a moment, so that a write of something else does not set the kill off.
 * - Before and after are read back after the unlock as the user sees them (the list's count,
 *   the Tag filter's count of each tag) and from the disk (the customer pages' counts, which are
 *   in clear; nothing quarantined; no restore left pending), and the two must agree. Each
 *   operation is made so that a state in between would show: an import adds rows that all carry
 *   their own tag, a bulk edit tags every customer, a bulk delete takes every customer of one
 *   tag, a restore brings a backup of 10,000 customers with a tag of their own.
 * - The restore is onto a new profile, from the start screen: before is "no file yet" (the
 *   create screen; a file created then is empty and clean: the staged pages are dropped), after
 *   is the backup's file. (A restore over an open file is covered step by step in
 *   electron/store/backup/pendingRestore.test.ts.)
 * - Which outcome each kill had is written in the test's annotations ("kill at +N ms: before").
 * - Every page, before the kill and after the reopening, is watched as the fixture watches its
 *   pages: a console error, an uncaught error, a rejection or a CSP violation fails the test.
 */

test.use({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
// Generous: a loaded 2-core machine runs two of these, each with its own Chromium, at once.
test.describe.configure({ timeout: 240_000 });

const ROWS = 10_000;
/** The kill points, as fractions of the operation's write window measured on this machine. */
const KILL_AT = [0, 0.5, 1] as const;
const MIN_WINDOW_MS = 100;

interface FileState {
  /** "N customers" as the list says it. */
  customers: number;
  /** Each tag in use and how many customers have it, as the Tag filter lists them. */
  tags: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const plural = (n: number) => n.toLocaleString('en-GB');

/**
 * A CSV of `rows` new customers per tag, the tags taking turns row by row (so a tag's customers
 * sit in every page of the file, and deleting them rewrites every page). Each has a note of
 * ~300 characters: a page of 500 customers is then ~200 KB, as with real customers, so that a
 * commit is hundreds of milliseconds of writing (IndexedDB files change all through it).
 */
function customersCsv(tags: string[], rows: number): Buffer {
  const words = ['comptoir', 'quai', 'vélo', 'rouge', 'marché', 'salon', 'fidèle', 'lundi'];
  const lines = ['First name,Last name,Email,City,Tags,Notes'];
  for (let i = 0; i < rows; i++) {
    for (const tag of tags) {
      const note = Array.from({ length: 40 }, (_, w) => words[(i * 7 + w * 3) % words.length]);
      lines.push(`Anne${i},Martin-${tag},${tag}.${i}@example.org,Lyon,${tag},${note.join(' ')}`);
    }
  }
  return Buffer.from(lines.join('\r\n'));
}

const profiles: string[] = [];

/** A new profile folder: removed when the test passes, kept (and named) for a look when not. */
async function newProfile(testInfo: TestInfo): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'comptoir-kill-'));
  testInfo.attachments.push({
    name: 'profile',
    contentType: 'text/plain',
    body: Buffer.from(profile),
  });
  profiles.push(profile);
  return profile;
}

test.afterEach(async ({ baseURL: _ }, testInfo) => {
  const used = profiles.splice(0);
  if (testInfo.status !== testInfo.expectedStatus) return;
  for (const profile of used) await rm(profile, { recursive: true, force: true });
});

/** Opens the app's start page; waits for the create or the unlock screen. */
async function startPage(page: Page, baseURL: string): Promise<'create' | 'unlock'> {
  await page.goto(`${baseURL}/`);
  const create = page.getByRole('button', { name: 'Restore from a backup instead' });
  const unlockButton = page.getByRole('button', { name: 'Unlock', exact: true });
  await expect(create.or(unlockButton)).toBeVisible({ timeout: 30_000 });
  return (await unlockButton.isVisible()) ? 'unlock' : 'create';
}

/** The file is open in full: the store worker has marked it (history read, segments ready). */
async function fullyOpen(page: Page): Promise<void> {
  await expect(page.locator('.page-count')).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(
      async () => {
        for (const worker of page.workers()) {
          const opened = await worker
            .evaluate(() => performance.getEntriesByName('comptoir:file-open').length > 0)
            .catch(() => false);
          if (opened) return true;
        }
        return false;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

/** What the unlocked file holds, read as the user sees it and checked against the disk. */
async function readState(page: Page, someTag?: string): Promise<FileState> {
  await fullyOpen(page);
  const filter = page.getByRole('combobox', { name: 'Tag', exact: true });
  if (someTag) await expect(filter.locator('option', { hasText: someTag })).toHaveCount(1);
  const count = (await page.locator('.page-count').textContent())!;
  const customers = Number(/^([\d,]+) customers?$/.exec(count)![1]!.replace(/,/g, ''));
  const tags: Record<string, number> = {};
  for (const text of await filter.locator('option').allTextContents()) {
    const found = /^(.+) \((\d+)\)$/.exec(text);
    // An import also tags its rows with its minute ("import 2026-12-07 16:44"): left out, as
    // two imports in one minute share it; each CSV here carries a tag of its own instead.
    if (found && !/^import \d{4}-/.test(found[1]!)) tags[found[1]!] = Number(found[2]);
  }
  // No page was damaged: none set aside at unlock, nothing said to the user.
  const disk = await onDisk(page);
  expect(disk).toEqual({ customers, quarantined: 0, pending: 0 });
  await expect(page.getByRole('alert').filter({ hasText: /damaged/ })).toHaveCount(0);
  return { customers, tags };
}

/** Read straight from IndexedDB: page rows carry their record count in clear. */
async function onDisk(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ customers: number; quarantined: number; pending: number }>(
        (resolve, reject) => {
          const opening = indexedDB.open('comptoir');
          opening.onerror = () => reject(opening.error);
          opening.onsuccess = () => {
            const db = opening.result;
            const tx = db.transaction(['pages', 'quarantine', 'pendingPages'], 'readonly');
            const pages = tx.objectStore('pages').getAll();
            const quarantined = tx.objectStore('quarantine').count();
            const pending = tx.objectStore('pendingPages').count();
            tx.oncomplete = () => {
              db.close();
              const rows = pages.result as { table: string; count: number }[];
              resolve({
                customers: rows
                  .filter((row) => row.table === 'customers')
                  .reduce((sum, row) => sum + row.count, 0),
                quarantined: quarantined.result,
                pending: pending.result,
              });
            };
            tx.onerror = () => reject(tx.error);
          };
        },
      ),
  );
}

/** Chromium again on the same profile, the file unlocked. */
async function reopen(profile: string, baseURL: string): Promise<OwnedChromium> {
  const browser = await OwnedChromium.launch(profile);
  expect(await startPage(browser.page, baseURL)).toBe('unlock');
  await unlock(browser.page);
  return browser;
}

/** Runs an operation whole: how long its writes take here, first change to last. */
async function writeWindow(
  profile: string,
  start: () => Promise<void>,
  done: Locator,
): Promise<number> {
  await storageQuiet(profile);
  const before = await storageState(profile);
  await start();
  await storageWritten(profile, before);
  const first = Date.now();
  let last = first;
  let state = await storageState(profile);
  while (!(await done.isVisible())) {
    const now = await storageState(profile);
    if (now !== state) [state, last] = [now, Date.now()];
    await sleep(2);
  }
  // A commit seen as one change (a loaded machine polls less often) still spreads the kills.
  return Math.max(last - first, MIN_WINDOW_MS);
}

/** Starts an operation and kills the browser `delay` ms after its first write reaches disk. */
async function killDuring(
  browser: OwnedChromium,
  profile: string,
  start: () => Promise<void>,
  delay: number,
): Promise<void> {
  await storageQuiet(profile);
  const before = await storageState(profile);
  await start();
  await storageWritten(profile, before);
  if (delay > 0) await sleep(delay); // the kill point itself, not a wait for the app
  expect(browser.problems).toEqual([]);
  await browser.kill();
}

function note(testInfo: TestInfo, delay: number, outcome: 'before' | 'after') {
  testInfo.annotations.push({ type: 'kill', description: `at +${delay} ms: ${outcome}` });
}

/**
 * A file the test made, on disk: a local browser reads a path itself, where bytes given to it
 * over CDP travel through the protocol (seconds for a few megabytes).
 */
async function onDiskFile(name: string, bytes: Buffer): Promise<string> {
  const path = test.info().outputPath(name);
  await writeFile(path, bytes);
  return path;
}

/** Picks a CSV in the import dialog and checks it; gives the button that runs the import. */
async function prepareImport(page: Page, name: string, csv: Buffer, rows: number) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: 'Choose a file…' }).click(),
  ]);
  await chooser.setFiles(await onDiskFile(name, csv));
  await dialog.getByRole('button', { name: 'Check the file' }).click();
  const run = dialog.getByRole('button', { name: `Import ${plural(rows)} rows` });
  await expect(run).toBeVisible({ timeout: 60_000 });
  return { run, finished: dialog.getByText('Import finished') };
}

/** Selects every customer the list shows (a tag filter chosen first, when given). */
async function selectAll(page: Page, count: number, tag?: string): Promise<Locator> {
  if (tag) {
    await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption(tag);
    await expect(page.locator('.page-count')).toHaveText(new RegExp(`^${plural(count)} of `));
  }
  await new CustomersScreen(page).rows().first().getByRole('checkbox').check();
  const bulk = page.getByRole('region', { name: 'Selected customers' });
  await bulk.getByRole('button', { name: /^Select all/ }).click();
  await expect(bulk).toContainText(`${plural(count)} selected`);
  return bulk;
}

test('kill -9 during a CSV import: the file has all of its rows or none', async ({
  baseURL,
}, testInfo) => {
  const profile = await newProfile(testInfo);
  let browser = await OwnedChromium.launch(profile);
  try {
    expect(await startPage(browser.page, baseURL!)).toBe('create');
    await createFile(browser.page);
    const base = await prepareImport(browser.page, 'base.csv', customersCsv(['base'], ROWS), ROWS);
    const window = await writeWindow(profile, () => base.run.click(), base.finished);
    testInfo.annotations.push({ type: 'write window', description: `${window} ms` });
    await browser.page.getByRole('button', { name: 'Close' }).click();

    let count = ROWS;
    for (const [k, fraction] of KILL_AT.entries()) {
      const tag = `batch-${k}`;
      const page = browser.page;
      if (k > 0) await fullyOpen(page);
      const { run } = await prepareImport(page, `${tag}.csv`, customersCsv([tag], ROWS), ROWS);
      const delay = Math.round(window * fraction);
      await killDuring(browser, profile, () => run.click(), delay);

      browser = await reopen(profile, baseURL!);
      const state = await readState(browser.page, 'base');
      const before = { customers: count, tags: { base: ROWS } };
      const after = { customers: count + ROWS, tags: { base: ROWS, [tag]: ROWS } };
      expect([before, after]).toContainEqual({ ...state, tags: withoutBatches(state, k) });
      note(testInfo, delay, state.customers === count ? 'before' : 'after');
      count = state.customers;
    }
    expect(browser.problems).toEqual([]);
  } finally {
    await browser.kill();
  }
});

/** The state's tags less those of the earlier kills (their outcome was checked then). */
function withoutBatches(state: FileState, k: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(state.tags).filter(([tag]) => {
      const n = /^batch-(\d+)$/.exec(tag);
      return !n || Number(n[1]) >= k;
    }),
  );
}

test('kill -9 during a bulk edit: every customer has the new tag or none has', async ({
  baseURL,
}, testInfo) => {
  const profile = await newProfile(testInfo);
  let browser = await OwnedChromium.launch(profile);
  try {
    expect(await startPage(browser.page, baseURL!)).toBe('create');
    await createFile(browser.page);
    const base = await prepareImport(browser.page, 'base.csv', customersCsv(['base'], ROWS), ROWS);
    await base.run.click();
    await expect(base.finished).toBeVisible({ timeout: 60_000 });
    await browser.page.getByRole('button', { name: 'Close' }).click();

    const tagAll = async (page: Page, tag: string) => {
      const bulk = await selectAll(page, ROWS);
      await bulk.getByPlaceholder('Tag').fill(tag);
      return () => bulk.getByRole('button', { name: 'Add tag' }).click();
    };
    const window = await writeWindow(
      profile,
      await tagAll(browser.page, 'measured'),
      browser.page.getByText(`${plural(ROWS)} customers updated`),
    );
    testInfo.annotations.push({ type: 'write window', description: `${window} ms` });
    await browser.page.getByRole('button', { name: 'Clear selection' }).click();

    for (const [k, fraction] of KILL_AT.entries()) {
      const tag = `kill-${k}`;
      if (k > 0) await fullyOpen(browser.page);
      const delay = Math.round(window * fraction);
      await killDuring(browser, profile, await tagAll(browser.page, tag), delay);

      browser = await reopen(profile, baseURL!);
      const state = await readState(browser.page, 'base');
      expect(state.customers).toBe(ROWS);
      expect(state.tags.base).toBe(ROWS);
      // All or nothing: the tag on every customer, or on none (no entry in the filter).
      expect([undefined, ROWS]).toContain(state.tags[tag]);
      note(testInfo, delay, state.tags[tag] === undefined ? 'before' : 'after');
    }
    expect(browser.problems).toEqual([]);
  } finally {
    await browser.kill();
  }
});

test('kill -9 during a bulk delete: every customer of the selection is gone or none is', async ({
  baseURL,
}, testInfo) => {
  const SELECTION = 5_000;
  // 'kept' is never deleted: its tag shows the filter's list has loaded after each reopening.
  const groups = ['group-0', 'group-1', 'group-2', 'group-3', 'kept'];
  const profile = await newProfile(testInfo);
  let browser = await OwnedChromium.launch(profile);
  try {
    expect(await startPage(browser.page, baseURL!)).toBe('create');
    await createFile(browser.page);
    const total = groups.length * SELECTION;
    const base = await prepareImport(
      browser.page,
      'groups.csv',
      customersCsv(groups, SELECTION),
      total,
    );
    await base.run.click();
    await expect(base.finished).toBeVisible({ timeout: 60_000 });
    await browser.page.getByRole('button', { name: 'Close' }).click();

    const deleteGroup = async (page: Page, group: string) => {
      const bulk = await selectAll(page, SELECTION, group);
      await bulk.getByRole('button', { name: 'Delete…' }).click();
      const confirm = page.getByRole('alertdialog', {
        name: `Delete ${plural(SELECTION)} customers?`,
      });
      return () => confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    };
    const window = await writeWindow(
      profile,
      await deleteGroup(browser.page, groups[0]!),
      browser.page.getByText(`${plural(SELECTION)} customers deleted`),
    );
    testInfo.annotations.push({ type: 'write window', description: `${window} ms` });

    let count = total - SELECTION;
    const left = new Set(groups.slice(1));
    for (const [k, fraction] of KILL_AT.entries()) {
      const group = groups[k + 1]!; // never 'kept'
      if (k > 0) await fullyOpen(browser.page);
      const delay = Math.round(window * fraction);
      await killDuring(browser, profile, await deleteGroup(browser.page, group), delay);

      browser = await reopen(profile, baseURL!);
      const state = await readState(browser.page, 'kept');
      // Before: the group whole and counted; after: the group gone and the count down by it.
      const tagsOf = (kept: string[]) => Object.fromEntries(kept.map((g) => [g, SELECTION]));
      expect([
        { customers: count, tags: tagsOf([...left]) },
        { customers: count - SELECTION, tags: tagsOf([...left].filter((g) => g !== group)) },
      ]).toContainEqual(state);
      note(testInfo, delay, state.customers === count ? 'before' : 'after');
      if (state.customers !== count) left.delete(group);
      count = state.customers;
    }
    expect(browser.problems).toEqual([]);
  } finally {
    await browser.kill();
  }
});

test('kill -9 during a restore onto a new profile: no file, or the backup whole', async ({
  page,
  baseURL,
}, testInfo) => {
  // The backup: 10,000 customers of their own tag, made in an ordinary (fixture) context.
  await page.goto('/');
  await createFile(page);
  const made = await prepareImport(page, 'backed-up.csv', customersCsv(['backed-up'], ROWS), ROWS);
  await made.run.click();
  await expect(made.finished).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Backups' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('dialog', { name: 'Backups' })
      .getByRole('button', { name: 'Save a backup…' })
      .click(),
  ]);
  await expect(page.getByText(`Backup saved: ${plural(ROWS)} customers`)).toBeVisible();
  const backup = await onDiskFile(
    download.suggestedFilename(),
    await readFile((await download.path())!),
  );

  /** From the start screen: the backup picked, its passphrase, its contents shown. */
  const prepareRestore = async (owned: Page) => {
    const [chooser] = await Promise.all([
      owned.waitForEvent('filechooser'),
      owned.getByRole('button', { name: 'Restore from a backup instead' }).click(),
    ]);
    await chooser.setFiles(backup);
    const opening = owned.getByRole('dialog', { name: 'Open the backup' });
    await opening.getByLabel('Passphrase').fill(PASSPHRASE);
    await opening.getByRole('button', { name: 'Show what it holds' }).click();
    const preview = owned.getByRole('alertdialog', { name: 'What this backup holds' });
    await expect(preview).toBeVisible({ timeout: 30_000 });
    return () => preview.getByRole('button', { name: 'Restore', exact: true }).click();
  };

  // Measured on a profile of its own: a restore run whole.
  const measured = await newProfile(testInfo);
  let browser = await OwnedChromium.launch(measured);
  let window: number;
  try {
    expect(await startPage(browser.page, baseURL!)).toBe('create');
    window = await writeWindow(
      measured,
      await prepareRestore(browser.page),
      browser.page.getByText(`Backup restored: ${plural(ROWS)} customers`),
    );
    expect(browser.problems).toEqual([]);
  } finally {
    await browser.kill();
  }
  testInfo.annotations.push({ type: 'write window', description: `${window} ms` });

  for (const fraction of KILL_AT) {
    const profile = await newProfile(testInfo);
    browser = await OwnedChromium.launch(profile);
    try {
      expect(await startPage(browser.page, baseURL!)).toBe('create');
      const delay = Math.round(window * fraction);
      await killDuring(browser, profile, await prepareRestore(browser.page), delay);

      browser = await OwnedChromium.launch(profile);
      const screen = await startPage(browser.page, baseURL!);
      note(testInfo, delay, screen === 'create' ? 'before' : 'after');
      if (screen === 'unlock') {
        // After: the backup's file, every customer of it.
        await unlock(browser.page);
        const state = await readState(browser.page, 'backed-up');
        expect(state).toEqual({ customers: ROWS, tags: { 'backed-up': ROWS } });
      } else {
        // Before: no file. One created now is empty and whole; what was staged is dropped.
        await createFile(browser.page);
        expect(await readState(browser.page)).toEqual({ customers: 0, tags: {} });
      }
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.kill();
    }
  }
});
