import { checkPhone } from '../../shared/domain/validation/phone';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from './fixture';
import customers from '../fixtures/at-rest-customers.json' with { type: 'json' };
import { PLAINTEXT_PORT, WEB_PORT, chromiumLaunch } from './chromium';
import { CustomersScreen, unlock } from './pages/CustomersScreen';

/**
 * Nothing personal may be readable from the disk: the whole Chromium profile is scanned, byte
 * by byte, for every known value. The same scan over a profile written by a build with
 * encryption switched off must find them, or the scan proves nothing.
 */

interface Needle {
  value: string;
  encodings: { name: string; bytes: Buffer }[];
}

function storedPhone(phone: string): string {
  const verdict = checkPhone(phone, 'FR');
  if (!verdict.ok) throw new Error(`Fixture phone ${phone} is not a valid number`);
  return verdict.e164;
}

function needlesOf(): Needle[] {
  const values = customers.flatMap((c) => [
    c.firstName,
    c.lastName,
    c.email,
    c.phone,
    c.phone.replace(/[^\d+]/g, ''), // as a lookup key would normalise it
    storedPhone(c.phone), // as the store files it (E.164)
    c.city,
  ]);
  return values.map((value) => ({
    value,
    encodings: [
      { name: 'UTF-8', bytes: Buffer.from(value, 'utf8') },
      { name: 'UTF-16LE', bytes: Buffer.from(value, 'utf16le') },
      // V8 stores strings whose characters all fit in a byte as Latin-1 ("Zéphyrine").
      { name: 'Latin-1', bytes: Buffer.from(value, 'latin1') },
    ],
  }));
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Every (value, encoding, file) where the bytes occur. */
async function scan(folder: string, needles: Needle[]) {
  const hits: { value: string; encoding: string; file: string }[] = [];
  for (const file of await filesUnder(folder)) {
    const bytes = await readFile(file).catch(() => null); // a lock file may vanish under us
    if (!bytes) continue;
    for (const needle of needles) {
      for (const { name, bytes: pattern } of needle.encodings) {
        if (bytes.includes(pattern)) {
          hits.push({ value: needle.value, encoding: name, file: file.slice(folder.length) });
        }
      }
    }
  }
  return hits;
}

/** Creates a file in a fresh persistent profile, adds the fixture's customers, closes Chromium. */
async function writeProfile(port: number): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'comptoir-at-rest-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...chromiumLaunch,
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-GB',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const screen = new CustomersScreen(page);
    await screen.open();
    for (const customer of customers) {
      await page.getByRole('button', { name: /New customer/ }).click();
      await screen.fill(customer);
      await screen.dialog().getByRole('button', { name: 'Save' }).click();
      await expect(screen.row(customer.email)).toBeVisible();
    }
    // What was typed reached the store: it is still there after a reload and unlock.
    await page.reload();
    await unlock(page);
    await expect(screen.rows()).toHaveCount(customers.length);
  } finally {
    await context.close();
  }
  return profile;
}

test.describe('encryption at rest', () => {
  test.describe.configure({ timeout: 90_000 });

  test('at-rest: no customer value is readable anywhere in the profile folder', async () => {
    const profile = await writeProfile(WEB_PORT);
    try {
      const hits = await scan(profile, needlesOf());
      expect(hits).toEqual([]);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });

  test('at-rest control: the same scan finds every value when encryption is off', async () => {
    const profile = await writeProfile(PLAINTEXT_PORT);
    try {
      const hits = await scan(profile, needlesOf());
      const found = new Set(hits.map((hit) => hit.value));
      const stored = customers.flatMap((c) => [
        c.firstName,
        c.lastName,
        c.email,
        storedPhone(c.phone),
        c.city,
      ]);
      expect(stored.filter((value) => !found.has(value))).toEqual([]);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});
