import Papa from 'papaparse';
import type { CallContext } from '../../../shared/contract/define';
import type {
  ImportCounts,
  ImportRowOutcome,
  ImportInspection,
  ImportPreview,
  ImportSummary,
  UndoSummary,
} from '../../../shared/contract/imports';
import type { Customer } from '../../../shared/domain/customer';
import type { Settings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import { writeSealed } from '../pages/recordPages';
import { planImport, type ImportPlan } from './planImport';
import { planOrdersOf, writeOrders } from './orderImports';
import type { OrderPlan } from './planOrders';
import { readRows, stageFile, type FileReading, type StagedFile } from './stagedFile';
import type { ImportDeps, ImportRun } from './importTypes';
import { Upload } from './upload';

interface Undoable {
  summary: ImportSummary;
  created: Customer[];
  updated: { before: Customer; next: Customer }[];
  changeIds: string[];
  /** An orders import's purchases. */
  purchaseIds?: string[];
}

/** A plan of either kind, with the tag its customers get. */
type Planned =
  | { kind: 'customers'; plan: ImportPlan; tag: string }
  | { kind: 'orders'; plan: OrderPlan; tag: string };

const PREVIEW_REJECTED = 200;

/**
 * Customer imports of an unlocked file: a file staged by `inspect`, previewed and run with the
 * same plan (so the preview is what the run does), and the last import kept for its undo.
 * Staged files and the undo record live in memory: they are forgotten on lock.
 */
export class CustomerImports {
  /** The file being sent, or sent: read again by each `inspect`. */
  private upload: Upload | null = null;
  private staged: StagedFile | null = null;
  private last: Undoable | null = null;
  /**
   * The last plan (the preview's), reused by the run when nothing it depends on changed: the
   * same choices, no customer written since, the same settings. A 100k-row file is read and
   * checked once, not twice.
   */
  private cached: { key: string; writes: number; settings: Settings; planned: Planned } | null =
    null;

  constructor(private readonly deps: ImportDeps) {}

  /** A new file to import: the one before, its choices and its plan are dropped. */
  open(arg: { name: string; size: number }): { fileId: string } {
    this.staged = null;
    this.cached = null;
    this.upload?.close();
    this.upload = new Upload(this.deps.newId(), arg.name, arg.size);
    return { fileId: this.upload.fileId };
  }

  async append(arg: {
    fileId: string;
    offset: number;
    bytes: Uint8Array;
  }): Promise<{ received: number }> {
    const upload = this.uploadOf(arg.fileId);
    const received = upload.append(arg.offset, arg.bytes);
    // The next part comes once this one is sealed: no queue of clear parts builds up.
    await upload.sealed();
    return { received };
  }

  async inspect(arg: FileReading & { fileId: string }): Promise<ImportInspection> {
    const upload = this.uploadOf(arg.fileId);
    this.staged = null;
    this.cached = null;
    const { fileId, ...how } = arg;
    this.staged = await stageFile(
      { name: upload.name, file: upload.file() },
      how,
      fileId,
      this.deps.settings().customFields,
    );
    return this.staged.inspection;
  }

  private uploadOf(fileId: string): Upload {
    if (this.upload?.fileId !== fileId) {
      throw new AppError('NOT_FOUND', 'The file to import is no longer open: choose it again', {
        fileId,
      });
    }
    return this.upload;
  }

  async preview(arg: ImportRun, ctx?: CallContext): Promise<ImportPreview> {
    const { planned } = await this.plan(arg, ctx);
    const { rows } = planned.plan;
    return {
      counts: countOf(rows),
      rejected: rows.filter((r) => r.action === 'reject').slice(0, PREVIEW_REJECTED),
      ...ownCounts(planned),
    };
  }

  /** Checks, then writes everything in one transaction: a failure or a cancel writes nothing. */
  async run(arg: ImportRun, ctx?: CallContext): Promise<ImportSummary> {
    const { planned, file } = await this.plan(arg, ctx);
    // Before anything is written: the rejected rows are read again from a big file.
    const rejected = await rejectedCsv(file, planned.plan.rows);
    stopIfCancelled(ctx);
    if (planned.kind === 'orders') {
      return this.finish(file, planned, await writeOrders(planned.plan, this.deps), rejected);
    }
    const plan = planned.plan;
    const { customers, history } = this.deps;
    const prepared = await customers.prepareImport({
      create: plan.creates,
      update: [...plan.updates.values()],
    });
    const log = await history.prepareLoggedChanges(prepared.changes);
    stopIfCancelled(ctx);
    await writeSealed(this.deps.db, [prepared.sealed, ...log.sealed]);
    return this.finish(
      file,
      planned,
      {
        created: prepared.created,
        updated: [...plan.updates.values()].map(({ before }, i) => ({
          before,
          next: prepared.customers[i]!,
        })),
        changeIds: log.ids,
      },
      rejected,
    );
  }

  /** An import written: its summary, kept with what its undo needs; the staged file is done. */
  private finish(
    file: StagedFile,
    planned: Planned,
    written: Omit<Undoable, 'summary'>,
    rejected: string,
  ): ImportSummary {
    const summary: ImportSummary = {
      importId: this.deps.newId(),
      tag: planned.tag,
      at: this.deps.now(),
      name: file.inspection.name,
      counts: countOf(planned.plan.rows),
      ...ownCounts(planned),
      rejectedCsv: rejected,
    };
    this.last = { summary, ...written };
    this.upload?.close();
    this.upload = null;
    this.staged = null;
    this.cached = null;
    return summary;
  }

  /**
   * Takes the last import back: the customers it created are removed and those it changed get
   * their earlier record again, exactly, with the change-log entries it wrote. A customer
   * edited since the import is left as it is now (and counted), so no later work is lost.
   */
  async undo(importId: string): Promise<UndoSummary & { ids: string[] }> {
    const last = this.last;
    if (!last || last.summary.importId !== importId) {
      throw new AppError('NOT_FOUND', 'This import can no longer be undone', { importId });
    }
    const { customers, history } = this.deps;
    const current = (c: Customer) => customers.find(c.id);
    const untouched = (c: Customer) => current(c)?.version === c.version;
    const remove = last.created.filter(untouched).map((c) => c.id);
    const restore = last.updated.filter(({ next }) => untouched(next));
    const keptChanged =
      last.created.filter((c) => current(c) && !untouched(c)).length +
      (last.updated.length - restore.length);
    // An orders import's purchases go too; a customer changed since keeps their record, with
    // the figures of the purchases left.
    const purchases = last.purchaseIds
      ? await history.prepareRemovePurchases(last.purchaseIds)
      : null;
    const settled = new Set([...remove, ...restore.map(({ before }) => before.id)]);
    const refigured = [...(purchases?.figures ?? [])].flatMap(([id, figures]) => {
      const now = customers.find(id);
      return now && !settled.has(id) ? [{ before: now, next: { ...now, figures } }] : [];
    });
    const prepared = await customers.prepareImport({
      create: [],
      update: refigured,
      remove,
      putBack: restore.map(({ before }) => before),
    });
    const log = await history.prepareRemoveChanges(last.changeIds);
    await writeSealed(this.deps.db, [...(purchases?.sealed ?? []), prepared.sealed, ...log]);
    this.last = null;
    return {
      removed: remove.length,
      restored: restore.length,
      keptChanged,
      ...(purchases ? { purchases: purchases.removed } : {}),
      ids: [
        ...remove,
        ...restore.map(({ before }) => before.id),
        ...refigured.map((r) => r.next.id),
      ],
    };
  }

  lastImport(): ImportSummary | null {
    return this.last?.summary ?? null;
  }

  clear(): void {
    this.upload?.close();
    this.upload = null;
    this.staged = null;
    this.last = null;
    this.cached = null;
  }

  private async plan(
    arg: ImportRun,
    ctx?: CallContext,
  ): Promise<{ planned: Planned; file: StagedFile }> {
    const file = this.staged;
    if (!file || file.inspection.fileId !== arg.fileId) {
      throw new AppError('NOT_FOUND', 'The file to import is no longer open: choose it again', {
        fileId: arg.fileId,
      });
    }
    const columns = file.inspection.headers.length;
    if (arg.mapping.length !== columns) {
      throw new AppError(
        'VALIDATION',
        `The mapping has ${arg.mapping.length} columns, the file ${columns}`,
        [{ path: ['mapping'], rule: 'invalidChoice' }],
      );
    }
    const settings = this.deps.settings();
    const key = JSON.stringify(arg);
    const writes = this.deps.customers.writeCount;
    const kept = this.cached;
    if (kept && kept.key === key && kept.writes === writes && kept.settings === settings) {
      return { planned: kept.planned, file };
    }
    if (arg.what === 'orders') {
      const now = this.deps.now();
      const tag = tagOf(now);
      const plan = await planOrdersOf(file, arg, this.deps, settings, now, tag);
      const planned: Planned = { kind: 'orders', plan, tag };
      this.cached = { key, writes, settings, planned };
      return { planned, file };
    }
    const rows = readRows(file, arg.mapping, arg.dateOrder, settings.customFields, ctx);
    const now = this.deps.now();
    const tag = tagOf(now);
    const plan = await planImport(rows, this.deps.customers.all(), settings, now, {
      total: file.inspection.rows,
      policy: arg.policy,
      matchOn: arg.matchOn,
      tag,
      shouldStop: () => ctx?.signal.aborted ?? false,
      onProgress: (done, total) => ctx?.progress({ done, total }),
    });
    const planned: Planned = { kind: 'customers', plan, tag };
    this.cached = { key, writes, settings, planned };
    return { planned, file };
  }
}

function stopIfCancelled(ctx?: CallContext): void {
  if (ctx?.signal.aborted) throw new AppError('CANCELLED', 'The import was cancelled');
}

/** "import 2026-12-01 14:05": short enough for a tag, and says when. */
export function tagOf(now: number): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `import ${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function countOf(rows: readonly ImportRowOutcome[]): ImportCounts {
  const counts: ImportCounts = { create: 0, update: 0, merge: 0, unchanged: 0, skip: 0, reject: 0 };
  for (const row of rows) counts[row.action]++;
  return counts;
}

/** What each kind counts besides its rows: orders, or phones kept in the notes. */
function ownCounts(planned: Planned): Pick<ImportPreview, 'orders' | 'phonesKept'> {
  return planned.kind === 'orders'
    ? { orders: planned.plan.orders }
    : { phonesKept: planned.plan.phonesKept };
}

/** The rejected rows as they were in the file, then where and why: for the user to fix and import again. */
async function rejectedCsv(
  file: StagedFile,
  outcomes: readonly ImportRowOutcome[],
): Promise<string> {
  const rejected = outcomes.filter((r) => r.action === 'reject');
  if (rejected.length === 0) return '';
  const cells = await file.cellsAt(new Set(rejected.map((r) => r.line)));
  const header = [...file.inspection.headers, 'line', 'problems'];
  const rows = rejected.map((r) => [
    ...(cells.get(r.line) ?? []),
    String(r.line),
    r.problems.map((p) => `${p.field}: ${p.rule}`).join('; '),
  ]);
  // Excel reads UTF-8 with a BOM; cells starting with = + - @ are prefixed so they stay text.
  return `\uFEFF${Papa.unparse([header, ...rows], { escapeFormulae: true })}`;
}
