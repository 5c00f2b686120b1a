import type {
  customerInputSchema,
  CustomerDraft,
  CustomerField,
  CustomerRule,
} from '../../domain/customer';
import type { CustomField } from '../../domain/customFields';
import type { TargetId } from './importTargets';
import type { DateOrder } from './parseValues';

/** Codes of what can be wrong with a cell; the UI translates them. */
export type RowProblemCode = CustomerRule | 'invalidYesNo';

/** A cell that could not go into the customer, by its 0-based column. */
export interface RowProblem {
  column: number;
  target: TargetId;
  message: RowProblemCode;
}

export interface RowToDraftOptions {
  dateOrder: DateOrder;
  /** The file's name, kept as where the customer and their consent came from. */
  sourceName: string;
  customFields: CustomField[];
  /**
   * The schema's verdict on text values already checked in this file, by field (a file
   * repeats its cities, statuses and first names: 100k rows, a few hundred distinct values).
   * One per file read; none: every value is checked.
   */
  checked?: CheckedValues;
}

export type CheckedValues = Map<string, Map<string, FieldVerdict>>;
export type FieldVerdict = ReturnType<
  (typeof customerInputSchema.shape)[CustomerField]['safeParse']
>;

export interface ImportedRow {
  /** To be checked with customerInputSchema by the caller; bad cells are already left out. */
  draft: CustomerDraft;
  /** The other system's id ('' when none), to find the same customer again. */
  externalId: string;
  /** The row's marketing answers; null when the row says nothing. */
  consent: {
    email: boolean | null;
    sms: boolean | null;
    post: boolean | null;
    phone: boolean | null;
  };
  problems: RowProblem[];
}

/** A non-empty cell and the column it came from. */
export interface Cell {
  column: number;
  text: string;
}
