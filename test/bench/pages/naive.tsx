import { EMPTY_FIGURES } from '../../../shared/domain/figures';
import Dexie, { type Table } from 'dexie';
import Papa from 'papaparse';
import { customersToCsv } from '../../../shared/export/csv';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { generateDemoCustomers } from '../../../shared/demo/customers';
import { DEMO_LINES_PER_CUSTOMER, generateDemoPurchases } from '../../../shared/demo/purchases';
import { naiveInSegment } from '../../../shared/segments/naiveSegment';
import { naiveKpis } from '../../../shared/kpi/naiveKpis';
import { DEFAULT_KPI_SETTINGS } from '../../../shared/kpi/kpiTypes';
import { purchaseTotalMinor } from '../../../shared/domain/purchase';
import { segmentFields } from '../../../shared/segments/segmentFields';
import { parseRule } from '../../../shared/segments/segmentText';
import type { Customer } from '../../../shared/domain/customer';

/**
 * The naive designs the budget is measured against, in the same run:
 * - storage: one Dexie row and one AES-GCM call per record (the design ARCHITECTURE.md rules out);
 * - list: every row of the list in the DOM, no virtualization.
 */

interface NaiveRow {
  id: string;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

class NaiveDb extends Dexie {
  customers!: Table<NaiveRow, string>;
  imported!: Table<Record<string, string>, number>;
  constructor() {
    super('naive-one-row-per-record');
    this.version(1).stores({ customers: 'id' });
    this.version(2).stores({ customers: 'id', imported: '++id' });
  }
}

const db = new NaiveDb();
const encoder = new TextEncoder();
const decoder = new TextDecoder();
let key: CryptoKey;
let opened: Customer[] = [];

function demoCustomers(count: number): Customer[] {
  const at = Date.now();
  return generateDemoCustomers(count, 42).map((input, i) => ({
    ...input,
    id: `c${i.toString(36).padStart(6, '0')}`,
    createdAt: at,
    updatedAt: at,
    version: 1,
    figures: EMPTY_FIGURES,
  }));
}

/** Writes `count` records, each encrypted on its own and bound to its table and id. */
async function naiveSeed(count: number): Promise<void> {
  key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  await db.customers.clear();
  const records = demoCustomers(count);
  for (let from = 0; from < records.length; from += 10_000) {
    const rows = await Promise.all(
      records.slice(from, from + 10_000).map(async (record): Promise<NaiveRow> => {
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const additionalData = encoder.encode(`customers/${record.id}`);
        const plain = encoder.encode(JSON.stringify(record));
        const data = await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData },
          key,
          plain,
        );
        return { id: record.id, iv, data };
      }),
    );
    await db.customers.bulkPut(rows);
  }
}

/** The naive unlock: read every row, decrypt each with its own call, sort for the list. */
async function naiveUnlock(): Promise<number> {
  opened = [];
  db.close();
  const start = performance.now();
  await db.open();
  const rows = await db.customers.toArray();
  opened = await Promise.all(
    rows.map(async (row) => {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: row.iv, additionalData: encoder.encode(`customers/${row.id}`) },
        key,
        row.data,
      );
      return JSON.parse(decoder.decode(plain)) as Customer;
    }),
  );
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  opened.sort((a, b) => collator.compare(a.lastName ?? '', b.lastName ?? ''));
  return performance.now() - start;
}

function NaiveList({ customers, onPainted }: { customers: Customer[]; onPainted(): void }) {
  useEffect(() => {
    requestAnimationFrame(() => setTimeout(onPainted, 0));
  }, [onPainted]);
  return (
    <table>
      <tbody>
        {customers.map((c) => (
          <tr key={c.id}>
            <td>
              <b>{c.lastName}</b> {c.firstName}
            </td>
            <td>{c.email}</td>
            <td>{c.phone}</td>
            <td>{c.city}</td>
            <td>{c.tags.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every row in the DOM: from render call to the first frame painted with them. */
function naiveListPaint(count: number): Promise<number> {
  const customers = demoCustomers(count);
  const root = createRoot(document.getElementById('root')!);
  return new Promise((resolve) => {
    const start = performance.now();
    root.render(
      <NaiveList customers={customers} onPainted={() => resolve(performance.now() - start)} />,
    );
  });
}

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The naive search: every keystroke folds and scans every field of every decrypted record. */
function naiveSearch(queries: string[]): number[] {
  return queries.map((query) => {
    const start = performance.now();
    const words = fold(query).split(/\s+/).filter(Boolean);
    const found = opened.filter((c) => {
      const text = fold(
        `${c.firstName} ${c.lastName} ${c.email} ${c.phone} ${c.city} ${c.tags.join(' ')}`,
      );
      return words.every((word) => text.includes(word));
    });
    found.sort((a, b) => (a.lastName ?? '').localeCompare(b.lastName ?? ''));
    return performance.now() - start;
  });
}

/** The file `import_csv_100k_ms` imports: demo customers as a French Excel user exports them. */
function demoCsv(count: number): string {
  return customersToCsv(
    demoCustomers(count).map((c, i) => ({ ...c, email: c.email.replace('@', `.${i}@`) })),
    ['firstName', 'lastName', 'email', 'phone', 'postalCode', 'city', 'tags', 'status'],
    { delimiter: ';', bom: true, header: 'labels' },
  );
}

/** The naive import: PapaParse with headers, then one plain bulkPut of every row as it is. */
async function naiveImport(text: string): Promise<number> {
  await db.imported.clear();
  const start = performance.now();
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  await db.imported.bulkPut(rows.data);
  return performance.now() - start;
}

/** The naive export: PapaParse's unparse of the decrypted records, every field. */
function naiveExportCsv(): number {
  const start = performance.now();
  const csv = Papa.unparse(
    opened.map((c) => ({ ...c, tags: c.tags.join(', '), consent: undefined, figures: undefined })),
  );
  if (csv.length === 0) throw new Error('nothing exported');
  return performance.now() - start;
}

/** The app's demo file as the demo loader makes it: customers and their purchases. */
function demoShop(customerCount: number, now: number) {
  const customers = demoCustomers(customerCount);
  const purchases = generateDemoPurchases(generateDemoCustomers(customerCount, 42), {
    seed: 42,
    now,
    lines: customerCount * DEMO_LINES_PER_CUSTOMER,
    currency: 'EUR',
  }).map(({ customer, purchase }) => ({ ...purchase, customerId: customers[customer]!.id }));
  return { customers, purchases };
}

/**
 * The naive segment count: the reference evaluator (`naiveSegment.ts`), each customer's rule
 * read word for word, every purchase read again for each. At 100k customers and 1M lines that
 * is minutes a rule, so it is timed over the first `sample` customers and scaled to all of
 * them (the work is the same for every customer: one pass over every purchase).
 */
function naiveSegmentCount(
  rules: string[],
  customerCount: number,
  sample: number,
): { ms: number[]; sampled: number } {
  const now = Date.now();
  const { customers, purchases } = demoShop(customerCount, now);
  const fields = segmentFields([]);
  const context = {
    now,
    minorPerUnit: 100,
    fields,
    segments: new Map(),
    purchases,
    interactions: [],
  };
  const ms = rules.map((text) => {
    const rule = parseRule(text, fields);
    const start = performance.now();
    for (const customer of customers.slice(0, sample)) naiveInSegment(rule, customer, context);
    return ((performance.now() - start) * customerCount) / sample;
  });
  return { ms, sampled: sample };
}

/**
 * The naive dashboard: `naiveKpis` (the KPI definitions read word for word, objects and
 * loops) over the same generator's 100k customers and 1M purchase lines, per query.
 */
function naiveDashboard(customerCount: number, queries: number): number[] {
  const now = Date.now();
  const shop = demoShop(customerCount, now);
  const purchases = shop.purchases.map((p) => ({
    customerId: p.customerId,
    at: p.at,
    channel: p.channel,
    totalMinor: purchaseTotalMinor(p.lines),
  }));
  const customers = shop.customers;
  const data = { purchases, customers };
  const day = 86_400_000;
  return Array.from({ length: queries }, (_, i) => {
    const start = performance.now();
    naiveKpis(data, {
      from: now - (90 + i * 30) * day,
      to: now,
      compare: i % 2 === 0 ? 'previous' : 'lastYear',
      bucket: 'week',
      members: null,
      channel: null,
      city: null,
      settings: DEFAULT_KPI_SETTINGS,
    });
    return performance.now() - start;
  });
}

Object.assign(window, {
  demoCsv,
  naiveDashboard,
  naiveSegmentCount,
  naiveImport,
  naiveExportCsv,
  naiveSearch,
  naiveSeed,
  naiveUnlock,
  naiveListPaint,
  naiveCount: () => opened.length,
});
