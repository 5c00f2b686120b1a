import {
  customerInputSchema,
  type CustomerDraft,
  type CustomerField,
  type CustomerRule,
} from '../../domain/customer';
import type { FieldTarget, TargetId } from './importTargets';
import type { ParsedChoice } from './parseChoices';
import { cleanText } from './parseValues';
import type {
  Cell,
  FieldVerdict,
  RowProblem,
  RowProblemCode,
  RowToDraftOptions,
} from './rowDraftTypes';

/** Distinct values remembered per field, at most: beyond, values are checked each time. */
const CHECKED_MAX = 20_000;
const SOURCE_MAX = 100; // the longest source a consent entry or sourceDetail accepts

/** One row's customer draft while it is being filled: its mapped cells, the draft, its problems. */
export class RowDraft {
  readonly byTarget = new Map<TargetId, Cell[]>();
  readonly problems: RowProblem[] = [];
  readonly sourceName: string;
  readonly draft: CustomerDraft;

  constructor(
    cells: string[],
    mapping: (TargetId | null)[],
    readonly options: RowToDraftOptions,
  ) {
    for (let column = 0; column < mapping.length; column++) {
      const target = mapping[column];
      if (!target || target === 'ignore') continue;
      const text = cleanText(cells[column] ?? '');
      if (text === '') continue;
      const cell = { column, text };
      const cellsOf = this.byTarget.get(target);
      if (cellsOf) cellsOf.push(cell);
      else this.byTarget.set(target, [cell]);
    }
    this.sourceName = options.sourceName.trim();
    this.draft = { source: 'import', sourceDetail: this.sourceName.slice(0, SOURCE_MAX) };
  }

  /** A consent entry's source: the file it was imported from. */
  consentSource(): string {
    return `import: ${this.sourceName}`.slice(0, SOURCE_MAX);
  }

  first(target: TargetId): Cell | undefined {
    return this.byTarget.get(target)?.[0];
  }

  all(target: TargetId): Cell[] {
    return this.byTarget.get(target) ?? [];
  }

  report(cell: Cell, target: TargetId, message: RowProblemCode): void {
    this.problems.push({ column: cell.column, target, message });
  }

  /** Puts a value in the draft if the customer schema accepts it for that field. */
  keep<F extends CustomerField>(
    field: F,
    value: CustomerDraft[F],
    cell: Cell,
    target: TargetId,
  ): void {
    const checked = this.verdict(field, value);
    // The schema's own output (emails lower-cased, lists without repeats): the draft is final.
    if (checked.success) this.draft[field] = checked.data as CustomerDraft[F];
    else this.report(cell, target, checked.error.issues[0]!.message as CustomerRule);
  }

  /** The field's first cell read as one of its choices (a country, a gender...) and kept. */
  keepChoice<F extends CustomerField & FieldTarget>(
    field: F,
    parse: (v: string) => ParsedChoice<string>,
  ): void {
    const cell = this.first(field);
    if (!cell) return;
    const parsed = parse(cell.text);
    if (parsed.ok) this.keep(field, parsed.value as CustomerDraft[F], cell, field);
    else this.report(cell, field, parsed.reason);
  }

  /** The schema's verdict, remembered for short text values (immutable, so safe to share). */
  private verdict(field: CustomerField, value: unknown): FieldVerdict {
    const memo = this.options.checked;
    if (!memo || typeof value !== 'string' || value.length > 100) {
      return customerInputSchema.shape[field].safeParse(value);
    }
    let known = memo.get(field);
    if (!known) memo.set(field, (known = new Map()));
    let found = known.get(value);
    if (!found) {
      found = customerInputSchema.shape[field].safeParse(value);
      if (known.size < CHECKED_MAX) known.set(value, found);
    }
    return found;
  }
}
