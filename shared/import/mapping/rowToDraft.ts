import type { ConsentEntry } from '../../domain/consent';
import {
  customerInputSchema,
  type CustomerDraft,
  type CustomerField,
  type CustomerRule,
} from '../../domain/customer';
import type { CustomField, CustomValue } from '../../domain/customFields';
import { customFieldIdOf, type FieldTarget, type TargetId } from './importTargets';
import {
  parseCountry,
  parseGender,
  parseLanguage,
  parseStatus,
  type ParsedChoice,
} from './parseChoices';
import { cleanText, parseDate, parseYesNo, type DateOrder } from './parseValues';
import { splitFullName } from './splitFullName';
import { CHOICES_SPLIT, customFieldValue } from './customFieldValue';

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
type FieldVerdict = ReturnType<(typeof customerInputSchema.shape)[CustomerField]['safeParse']>;
/** Distinct values remembered per field, at most: beyond, values are checked each time. */
const CHECKED_MAX = 20_000;

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
interface Cell {
  column: number;
  text: string;
}

// Several emails or phones in one cell: Google Contacts joins them with " ::: ".
const EMAILS_SPLIT = /\s*(?::::|;|,)\s*/;
const PHONES_SPLIT = /\s*(?::::|;)\s*/;
const SOURCE_MAX = 100; // the longest source a consent entry or sourceDetail accepts

/**
 * One CSV row as a customer draft, from the mapped columns only: values parsed (dates in
 * `dateOrder`, yes/no, countries, genders...), full names split, the second address line
 * appended to the street, extra emails and phones collected. A cell that cannot be read, or
 * that a customer field refuses, is left out and named in `problems` with its column.
 */
export function rowToDraft(
  cells: string[],
  mapping: (TargetId | null)[],
  options: RowToDraftOptions,
): ImportedRow {
  const byTarget = new Map<TargetId, Cell[]>();
  for (let column = 0; column < mapping.length; column++) {
    const target = mapping[column];
    if (!target || target === 'ignore') continue;
    const text = cleanText(cells[column] ?? '');
    if (text === '') continue;
    const cell = { column, text };
    const cellsOf = byTarget.get(target);
    if (cellsOf) cellsOf.push(cell);
    else byTarget.set(target, [cell]);
  }
  const first = (target: TargetId) => byTarget.get(target)?.[0];
  const all = (target: TargetId) => byTarget.get(target) ?? [];

  const problems: RowProblem[] = [];
  const report = (cell: Cell, target: TargetId, message: RowProblemCode) =>
    problems.push({ column: cell.column, target, message });
  const sourceName = options.sourceName.trim();
  const draft: CustomerDraft = { source: 'import', sourceDetail: sourceName.slice(0, SOURCE_MAX) };

  /** Puts a value in the draft if the customer schema accepts it for that field. */
  const keep = <F extends CustomerField>(
    field: F,
    value: CustomerDraft[F],
    cell: Cell,
    target: TargetId,
  ) => {
    const checked = verdict(field, value);
    // The schema's own output (emails lower-cased, lists without repeats): the draft is final.
    if (checked.success) draft[field] = checked.data as CustomerDraft[F];
    else report(cell, target, checked.error.issues[0]!.message as CustomerRule);
  };
  /** The schema's verdict, remembered for short text values (immutable, so safe to share). */
  const verdict = (field: CustomerField, value: unknown): FieldVerdict => {
    const memo = options.checked;
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
  };
  const keepChoice = <F extends CustomerField & FieldTarget>(
    field: F,
    parse: (v: string) => ParsedChoice<string>,
  ) => {
    const cell = first(field);
    if (!cell) return;
    const parsed = parse(cell.text);
    if (parsed.ok) keep(field, parsed.value as CustomerDraft[F], cell, field);
    else report(cell, field, parsed.reason);
  };

  for (const field of [
    'firstName',
    'lastName',
    'company',
    'jobTitle',
    'postalCode',
    'city',
    'sourceDetail',
  ] as const) {
    const cell = first(field);
    if (cell) keep(field, cell.text, cell, field);
  }
  // Shopify writes its ids with an apostrophe first ('7210448301122) so that Excel keeps them as text.
  const externalId = first('externalId');
  if (externalId) keep('externalId', externalId.text.replace(/^'/, ''), externalId, 'externalId');
  const fullName = first('fullName');
  if (fullName && !first('firstName') && !first('lastName')) {
    const { firstName, lastName } = splitFullName(fullName.text);
    keep('firstName', firstName, fullName, 'fullName');
    keep('lastName', lastName, fullName, 'fullName');
  }
  const street = first('street') ?? first('address2');
  if (street) {
    const lines = [first('street')?.text, first('address2')?.text].filter(Boolean);
    keep('street', lines.join('\n'), street, first('street') ? 'street' : 'address2');
  }
  const notes = all('notes');
  if (notes[0]) keep('notes', notes.map((cell) => cell.text).join('\n'), notes[0], 'notes');

  keepContacts('email', 'additionalEmail', 'additionalEmails', EMAILS_SPLIT);
  keepContacts('phone', 'additionalPhone', 'additionalPhones', PHONES_SPLIT);
  keepChoice('country', parseCountry);
  keepChoice('gender', parseGender);
  keepChoice('language', parseLanguage);
  keepChoice('status', parseStatus);

  const birthDate = first('birthDate');
  if (birthDate) {
    const parsed = parseDate(birthDate.text, options.dateOrder);
    if (parsed.ok) keep('birthDate', parsed.iso, birthDate, 'birthDate');
    else report(birthDate, 'birthDate', 'invalidDate');
  }
  for (const field of ['tags', 'interests'] as const) {
    const cells = all(field);
    const words = cells.flatMap((cell) => cell.text.split(CHOICES_SPLIT)).filter((w) => w !== '');
    if (cells[0]) keep(field, words, cells[0], field);
  }

  const consent = {
    email: yesNo('consentEmail'),
    sms: yesNo('consentSms'),
    post: yesNo('consentPost'),
    phone: yesNo('consentPhone'),
  };
  if (Object.values(consent).some((answer) => answer !== null)) {
    const source = `import: ${sourceName}`.slice(0, SOURCE_MAX);
    const entry = (granted: boolean | null): ConsentEntry | null =>
      granted === null ? null : { granted, at: 0, source };
    draft.consent = {
      email: entry(consent.email),
      sms: entry(consent.sms),
      post: entry(consent.post),
      phone: entry(consent.phone),
    };
  }

  const custom: Record<string, CustomValue> = {};
  for (const [target, cells] of byTarget) {
    const id = customFieldIdOf(target);
    if (id === null) continue;
    const field = options.customFields.find((f) => f.id === id);
    if (!field) report(cells[0]!, target, 'unknownField');
    else {
      const value = customFieldValue(field, cells[0]!.text, options.dateOrder);
      if ('problem' in value) report(cells[0]!, target, value.problem);
      else custom[id] = value.value;
    }
  }
  if (Object.keys(custom).length > 0) draft.custom = custom;

  return { draft, externalId: first('externalId')?.text ?? '', consent, problems };

  /** The primary email or phone and the others; the first other is promoted when none is primary. */
  function keepContacts(
    field: 'email' | 'phone',
    extra: 'additionalEmail' | 'additionalPhone',
    list: 'additionalEmails' | 'additionalPhones',
    split: RegExp,
  ) {
    // Plain loops: this runs for two fields of every row, 100k times in a large file.
    const accepted: { cell: Cell; target: TargetId; text: string }[] = [];
    const schema = customerInputSchema.shape[field];
    for (const target of [field, extra] as TargetId[]) {
      for (const cell of all(target)) {
        for (const text of split.test(cell.text) ? cell.text.split(split) : [cell.text]) {
          if (text === '') continue;
          const checked = schema.safeParse(text);
          if (checked.success) accepted.push({ cell, target, text: checked.data as string });
          else report(cell, target, checked.error.issues[0]!.message as CustomerRule);
        }
      }
    }
    const [primary, ...others] = accepted;
    if (!primary) return;
    draft[field] = primary.text;
    if (others.length > 0)
      keep(
        list,
        others.map((o) => o.text),
        others[0]!.cell,
        others[0]!.target,
      );
  }

  function yesNo(
    target: 'consentEmail' | 'consentSms' | 'consentPost' | 'consentPhone',
  ): boolean | null {
    const cell = first(target);
    if (!cell) return null;
    const parsed = parseYesNo(cell.text);
    if (parsed.ok) return parsed.value;
    report(cell, target, parsed.reason);
    return null;
  }
}
