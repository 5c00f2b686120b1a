import type { ConsentEntry } from '../../domain/consent';
import { customerInputSchema, type CustomerRule } from '../../domain/customer';
import type { CustomValue } from '../../domain/customFields';
import { customFieldIdOf, type TargetId } from './importTargets';
import { parseCountry, parseGender, parseLanguage, parseStatus } from './parseChoices';
import { parseDate, parseYesNo } from './parseValues';
import { splitFullName } from './splitFullName';
import { CHOICES_SPLIT, customFieldValue } from './customFieldValue';
import { RowDraft } from './rowDraft';
import type { Cell, ImportedRow, RowToDraftOptions } from './rowDraftTypes';

export type {
  CheckedValues,
  ImportedRow,
  RowProblem,
  RowProblemCode,
  RowToDraftOptions,
} from './rowDraftTypes';

// Several emails or phones in one cell: Google Contacts joins them with " ::: ".
const EMAILS_SPLIT = /\s*(?::::|;|,)\s*/;
const PHONES_SPLIT = /\s*(?::::|;)\s*/;

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
  const row = new RowDraft(cells, mapping, options);
  // In this order: a row's problems are listed as these steps find them.
  keepTexts(row);
  keepContacts(row, 'email', 'additionalEmail', 'additionalEmails', EMAILS_SPLIT);
  keepContacts(row, 'phone', 'additionalPhone', 'additionalPhones', PHONES_SPLIT);
  row.keepChoice('country', parseCountry);
  row.keepChoice('gender', parseGender);
  row.keepChoice('language', parseLanguage);
  row.keepChoice('status', parseStatus);
  keepBirthDate(row);
  keepWordLists(row);
  const consent = keepConsent(row);
  keepCustomFields(row);
  const externalId = row.first('externalId')?.text ?? '';
  return { draft: row.draft, externalId, consent, problems: row.problems };
}

/** Names, company, address, notes and the other system's id: text kept as the cells give it. */
function keepTexts(row: RowDraft): void {
  for (const field of [
    'firstName',
    'lastName',
    'company',
    'jobTitle',
    'postalCode',
    'city',
    'sourceDetail',
  ] as const) {
    const cell = row.first(field);
    if (cell) row.keep(field, cell.text, cell, field);
  }
  // Shopify writes its ids with an apostrophe first ('7210448301122) so that Excel keeps them as text.
  const externalId = row.first('externalId');
  if (externalId)
    row.keep('externalId', externalId.text.replace(/^'/, ''), externalId, 'externalId');
  const fullName = row.first('fullName');
  if (fullName && !row.first('firstName') && !row.first('lastName')) {
    const { firstName, lastName } = splitFullName(fullName.text);
    row.keep('firstName', firstName, fullName, 'fullName');
    row.keep('lastName', lastName, fullName, 'fullName');
  }
  const street = row.first('street') ?? row.first('address2');
  if (street) {
    const lines = [row.first('street')?.text, row.first('address2')?.text].filter(Boolean);
    row.keep('street', lines.join('\n'), street, row.first('street') ? 'street' : 'address2');
  }
  const notes = row.all('notes');
  if (notes[0]) row.keep('notes', notes.map((cell) => cell.text).join('\n'), notes[0], 'notes');
}

/** The primary email or phone and the others; the first other is promoted when none is primary. */
function keepContacts(
  row: RowDraft,
  field: 'email' | 'phone',
  extra: 'additionalEmail' | 'additionalPhone',
  list: 'additionalEmails' | 'additionalPhones',
  split: RegExp,
): void {
  // Plain loops: this runs for two fields of every row, 100k times in a large file.
  const accepted: { cell: Cell; target: TargetId; text: string }[] = [];
  const schema = customerInputSchema.shape[field];
  for (const target of [field, extra] as TargetId[]) {
    for (const cell of row.all(target)) {
      for (const text of split.test(cell.text) ? cell.text.split(split) : [cell.text]) {
        if (text === '') continue;
        const checked = schema.safeParse(text);
        if (checked.success) accepted.push({ cell, target, text: checked.data as string });
        else row.report(cell, target, checked.error.issues[0]!.message as CustomerRule);
      }
    }
  }
  const [primary, ...others] = accepted;
  if (!primary) return;
  row.draft[field] = primary.text;
  if (others.length > 0)
    row.keep(
      list,
      others.map((o) => o.text),
      others[0]!.cell,
      others[0]!.target,
    );
}

function keepBirthDate(row: RowDraft): void {
  const birthDate = row.first('birthDate');
  if (!birthDate) return;
  const parsed = parseDate(birthDate.text, row.options.dateOrder);
  if (parsed.ok) row.keep('birthDate', parsed.iso, birthDate, 'birthDate');
  else row.report(birthDate, 'birthDate', 'invalidDate');
}

/** Tags and interests: every cell of the column, split into words. */
function keepWordLists(row: RowDraft): void {
  for (const field of ['tags', 'interests'] as const) {
    const cells = row.all(field);
    const words = cells.flatMap((cell) => cell.text.split(CHOICES_SPLIT)).filter((w) => w !== '');
    if (cells[0]) row.keep(field, words, cells[0], field);
  }
}

/** The row's yes/no answers per channel, kept as consent entries when it gives any. */
function keepConsent(row: RowDraft): ImportedRow['consent'] {
  const consent = {
    email: yesNo(row, 'consentEmail'),
    sms: yesNo(row, 'consentSms'),
    post: yesNo(row, 'consentPost'),
    phone: yesNo(row, 'consentPhone'),
  };
  if (Object.values(consent).some((answer) => answer !== null)) {
    const source = row.consentSource();
    const entry = (granted: boolean | null): ConsentEntry | null =>
      granted === null ? null : { granted, at: 0, source };
    row.draft.consent = {
      email: entry(consent.email),
      sms: entry(consent.sms),
      post: entry(consent.post),
      phone: entry(consent.phone),
    };
  }
  return consent;
}

function yesNo(
  row: RowDraft,
  target: 'consentEmail' | 'consentSms' | 'consentPost' | 'consentPhone',
): boolean | null {
  const cell = row.first(target);
  if (!cell) return null;
  const parsed = parseYesNo(cell.text);
  if (parsed.ok) return parsed.value;
  row.report(cell, target, parsed.reason);
  return null;
}

/** Columns mapped to the file's own fields: unknown ones and unreadable values are reported. */
function keepCustomFields(row: RowDraft): void {
  const custom: Record<string, CustomValue> = {};
  for (const [target, cells] of row.byTarget) {
    const id = customFieldIdOf(target);
    if (id === null) continue;
    const field = row.options.customFields.find((f) => f.id === id);
    if (!field) row.report(cells[0]!, target, 'unknownField');
    else {
      const value = customFieldValue(field, cells[0]!.text, row.options.dateOrder);
      if ('problem' in value) row.report(cells[0]!, target, value.problem);
      else custom[id] = value.value;
    }
  }
  if (Object.keys(custom).length > 0) row.draft.custom = custom;
}
