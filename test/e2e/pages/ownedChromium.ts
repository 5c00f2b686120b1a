import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunch } from '../chromium';
import { watchForProblems } from '../fixture';

/** How long a launch may take to open its DevTools port (a loaded 2-core machine). */
const LAUNCH_TIMEOUT_MS = 30_000;

/**
 * Chromium started by the test itself, on a profile folder that outlives it, so that the test
 * owns the browser's process and can kill it (-9) the way a crash or a power cut would; a
 * browser Playwright launches is closed cleanly instead. The test drives it over CDP.
 */
export class OwnedChromium {
  private constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
    /** Console errors, uncaught errors, rejections and CSP violations, as the fixture watches. */
    readonly problems: string[],
  ) {}

  /** Starts Chromium headless on `profile` (created or reopened) and connects to it. */
  static async launch(profile: string): Promise<OwnedChromium> {
    const portFile = join(profile, 'DevToolsActivePort');
    // A killed browser leaves its port file behind: the next one writes its own.
    await rm(portFile, { force: true });
    const child = spawn(
      chromiumLaunch.executablePath ?? 'chromium',
      [
        '--headless',
        ...chromiumLaunch.args,
        `--user-data-dir=${profile}`,
        '--remote-debugging-port=0',
        '--lang=en-GB',
        '--window-size=1280,900',
        '--no-default-browser-check',
        '--password-store=basic',
        'about:blank',
      ],
      // Its own process group: the kill takes the browser with its renderers and utilities.
      { detached: true, stdio: 'ignore', env: { ...process.env, LANG: 'en_GB.UTF-8' } },
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const port = await devToolsPort(portFile, exited);
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      const context = browser.contexts()[0]!;
      const problems = await watchForProblems(context);
      const page = context.pages()[0] ?? (await context.newPage());
      return new OwnedChromium(child, exited, browser, context, page, problems);
    } catch (error) {
      killGroup(child);
      await exited;
      throw error;
    }
  }

  /**
   * kill -9 of the whole browser: nothing in it gets a chance to finish or flush. Resolves once
   * every process of it is gone, so that the next launch, like a restart after a crash, finds
   * no old process still holding the profile's files.
   */
  async kill(): Promise<void> {
    killGroup(this.child);
    await this.exited;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && groupAlive(this.child)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Whether any process of the browser's group is still there (a zombie is not). */
function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
  } catch {
    return false;
  }
  // Signal 0 reaches zombies too: only a process that is not a zombie counts.
  return listGroup(child.pid!).some((state) => !state.startsWith('Z'));
}

/** The state letters of every process in group `pgid`. */
function listGroup(pgid: number): string[] {
  const found = spawnSync('ps', ['-e', '-o', 'pgid=,stat='], { encoding: 'utf8' });
  return found.stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([group]) => Number(group) === pgid)
    .map(([, state]) => state ?? '');
}

/** The port Chromium chose, from the file it writes in the profile once DevTools listens. */
async function devToolsPort(portFile: string, exited: Promise<void>): Promise<number> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + LAUNCH_TIMEOUT_MS;
  while (Date.now() < deadline && !gone) {
    const text = await readFile(portFile, 'utf8').catch(() => '');
    const port = Number(text.split('\n')[0]);
    if (port > 0) return port;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(
    gone ? 'Chromium exited before opening DevTools' : 'Chromium did not open DevTools',
  );
}

/** Sizes and times of every file of the profile's IndexedDB: it moves when a write reaches disk. */
export async function storageState(profile: string): Promise<string> {
  const folder = join(profile, 'Default', 'IndexedDB');
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  const parts: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const s = await stat(path).catch(() => null);
    if (s) parts.push(`${path}:${s.size}:${s.mtimeMs}`);
  }
  return parts.sort().join('\n');
}

/** Resolves as soon as the profile's IndexedDB files differ from `before`. */
export async function storageWritten(
  profile: string,
  before: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await storageState(profile)) === before) {
    if (Date.now() > deadline) throw new Error('Nothing was written to IndexedDB');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Resolves once the profile's IndexedDB files have not changed for `stillMs`. */
export async function storageQuiet(profile: string, stillMs = 300, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let state = await storageState(profile);
  let since = Date.now();
  while (Date.now() - since < stillMs) {
    if (Date.now() > deadline) throw new Error('IndexedDB kept being written to');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = await storageState(profile);
    if (now !== state) [state, since] = [now, Date.now()];
  }
}
