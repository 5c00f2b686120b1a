import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName } from '../../shared/vault/backupFile';
import { AppError } from '../../shared/errors';
import { ScheduledBackups } from './scheduledBackups';

const HOUR = 3_600_000;
let dir: string;
let folder: string;
let now: number;
let made: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'comptoir-sched-'));
  folder = join(dir, 'backups');
  now = Date.UTC(2026, 11, 2, 9, 0);
  made = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function scheduled(
  make = async () => ({ name: backupFileName(now), bytes: bytesOf(++made), records: {} }),
) {
  return new ScheduledBackups({ configPath: join(dir, 'backups.json'), make, now: () => now });
}
const bytesOf = (n: number) => new Uint8Array([n, n, n]);

describe('ScheduledBackups', () => {
  it.skipIf(process.platform === 'win32')(
    'writes backups and its settings readable by the user alone (0600), no temp file left',
    async () => {
      mkdirSync(folder);
      const backups = scheduled();
      await backups.setSchedule({ folder, everyHours: 24, keep: 3 });
      await backups.runNow();
      expect(readdirSync(folder)).toEqual([backupFileName(now)]);
      expect(statSync(join(folder, backupFileName(now))).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'backups.json')).mode & 0o777).toBe(0o600);
      expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);
    },
  );

  it('writes nothing until a folder and a schedule are chosen, then when due only', async () => {
    const backups = scheduled();
    await backups.load();
    expect(await backups.runIfDue()).toBeNull();
    await backups.setSchedule({ folder, everyHours: 24, keep: 3 });
    await expect(backups.runIfDue()).rejects.toThrow(); // the folder does not exist yet
    expect(backups.status().lastError).toMatch(/ENOENT|no such file/);
    mkdirSync(folder);
    const first = await backups.runIfDue();
    expect(first).toMatchObject({ lastAt: now, lastError: null, lastFile: backupFileName(now) });
    expect(readdirSync(folder)).toEqual([backupFileName(now)]);
    now += 23 * HOUR;
    expect(await backups.runIfDue()).toBeNull();
    now += HOUR;
    expect(await backups.runIfDue()).not.toBeNull();
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('keeps the newest backups only, and never touches other files of the folder', async () => {
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    writeFileSync(join(folder, 'comptoir-export.csv'), 'mine too');
    const backups = scheduled();
    await backups.setSchedule({ folder, everyHours: 24, keep: 2 });
    const names = [];
    for (let day = 0; day < 4; day++) {
      await backups.runNow();
      names.push(backupFileName(now));
      now += 24 * HOUR;
    }
    expect(readdirSync(folder).sort()).toEqual(
      [...names.slice(2), 'comptoir-export.csv', 'notes.txt'].sort(),
    );
    expect([...readFileSync(join(folder, names[3]!))]).toEqual([4, 4, 4]);
  });

  it('keeps the schedule and the last outcome across restarts', async () => {
    mkdirSync(folder);
    const first = scheduled();
    await first.setSchedule({ folder, everyHours: 168, keep: 5 });
    await first.runNow();
    const again = scheduled();
    expect(await again.load()).toMatchObject({
      folder,
      everyHours: 168,
      keep: 5,
      lastAt: now,
      lastError: null,
    });
    now += 100 * HOUR;
    expect(await again.runIfDue()).toBeNull();
  });

  it('says why a backup failed and leaves no partial file behind', async () => {
    mkdirSync(folder);
    const noFile = scheduled(async () => {
      throw new AppError('NOT_FOUND', 'There is no customer file to back up yet');
    });
    await noFile.setSchedule({ folder, everyHours: 24, keep: 2 });
    await expect(noFile.runNow()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(noFile.status().lastError).toBe('There is no customer file to back up yet');
    expect(readdirSync(folder)).toEqual([]);
    const noFolder = scheduled();
    await expect(noFolder.runNow()).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
