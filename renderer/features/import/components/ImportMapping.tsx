import type {
  DateOrder,
  DuplicatePolicy,
  ImportInspection,
  ImportKind,
  MatchKey,
} from '../../../../shared/contract/imports';
import { ORDER_TARGETS } from '../../../../shared/import/orders/orderColumns';
import { DATE_ORDERS, DUPLICATE_POLICIES, MATCH_KEYS } from '../../../../shared/contract/imports';
import { TEXT_ENCODINGS, type TextEncodingName } from '../../../../shared/import/decodeText';
import { CSV_DELIMITERS, type CsvDelimiter } from '../../../../shared/import/parseCsv';
import { importTargets } from '../../../../shared/import/mapping/importTargets';
import type { CustomField } from '../../../../shared/domain/customFields';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/useT';

export interface ImportChoices {
  /** What the file holds: customers, or orders (a line item per row). */
  what: ImportKind;
  mapping: (string | null)[];
  dateOrder: DateOrder;
  policy: DuplicatePolicy;
  matchOn: MatchKey[];
}

/** How to read the file again: an encoding, a separator or the header row the user chose. */
export interface FileReading {
  encoding?: TextEncodingName;
  delimiter?: CsvDelimiter;
  hasHeader?: boolean;
}

/** The menu entry that makes a column a new field of the file. */
const NEW_FIELD = '+new-field';

const DELIMITER_KEYS: Record<CsvDelimiter, MessageKey> = {
  ',': 'import.delimiter.comma',
  ';': 'import.delimiter.semicolon',
  '\t': 'import.delimiter.tab',
  '|': 'import.delimiter.pipe',
};

/** Step 2: how the file was read (each overridable), what each column becomes, the duplicate policy. */
export function ImportMapping({
  file,
  choices,
  customFields,
  onChoices,
  onReread,
  onNewField,
}: {
  file: ImportInspection;
  choices: ImportChoices;
  customFields: readonly CustomField[];
  onChoices(next: ImportChoices): void;
  onReread(how: FileReading): void;
  /** The column becomes a new text field of the file, named after it. */
  onNewField(column: number): void;
}) {
  const t = useT();
  const orders = choices.what === 'orders';
  const targets = orders
    ? ORDER_TARGETS.map((id) => ({ id, labelKey: `import.orderTarget.${id}`, multiple: false }))
    : importTargets(customFields);
  const labelOf = (id: string) => {
    const target = targets.find((x) => x.id === id);
    return (target && 'label' in target && target.label) || t(target?.labelKey as MessageKey);
  };
  // Switching what the file holds starts again from what its columns suggest for that kind.
  const switchTo = (what: ImportKind) =>
    onChoices({
      ...choices,
      what,
      mapping: what === 'orders' ? file.orders.suggested : file.suggested,
    });
  return (
    <div className="import-mapping">
      {file.kind === 'csv' && (
        <fieldset className="choice-group">
          <legend>{t('import.holds')}</legend>
          {(['customers', 'orders'] as const).map((what) => (
            <label key={what} className="choice">
              <input
                type="radio"
                name="import-what"
                checked={choices.what === what}
                onChange={() => switchTo(what)}
              />
              {t(`import.holds.${what}`)}
            </label>
          ))}
        </fieldset>
      )}
      {file.kind === 'csv' && (
        <ReadAndMap
          file={file}
          choices={choices}
          targets={targets}
          labelOf={labelOf}
          onChoices={onChoices}
          onReread={onReread}
          onNewField={orders ? undefined : onNewField}
        />
      )}
      {orders ? (
        <p className="field-hint">{t('import.ordersHow')}</p>
      ) : (
        <DuplicatePolicy choices={choices} onChoices={onChoices} />
      )}
    </div>
  );
}

/** How a CSV file was read (each overridable) and what each of its columns becomes. */
function ReadAndMap({
  file,
  choices,
  targets,
  labelOf,
  onChoices,
  onReread,
  onNewField,
}: {
  file: ImportInspection;
  choices: ImportChoices;
  targets: readonly { id: string }[];
  labelOf(id: string): string;
  onChoices(next: ImportChoices): void;
  onReread(how: FileReading): void;
  /** The column becomes a new text field of the file, named after it (customers only). */
  onNewField?(column: number): void;
}) {
  const t = useT();
  const setTarget = (column: number, value: string) => {
    if (value === NEW_FIELD) return onNewField?.(column);
    const mapping = [...choices.mapping];
    mapping[column] = value === '' ? null : value;
    onChoices({ ...choices, mapping });
  };
  return (
    <>
      <div className="import-read">
        <label>
          {t('import.encoding')}
          <select
            value={file.encoding}
            onChange={(e) => onReread({ encoding: e.target.value as TextEncodingName })}
          >
            {TEXT_ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {encoding.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('import.delimiter')}
          <select
            value={file.delimiter}
            onChange={(e) => onReread({ delimiter: e.target.value as CsvDelimiter })}
          >
            {CSV_DELIMITERS.map((delimiter) => (
              <option key={delimiter} value={delimiter}>
                {t(DELIMITER_KEYS[delimiter])}
              </option>
            ))}
          </select>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={file.hasHeader}
            onChange={(e) => onReread({ hasHeader: e.target.checked })}
          />
          {t('import.hasHeader')}
        </label>
        <label>
          {t('import.dateOrder')}
          <select
            value={choices.dateOrder}
            onChange={(e) => onChoices({ ...choices, dateOrder: e.target.value as DateOrder })}
          >
            {DATE_ORDERS.map((order) => (
              <option key={order} value={order}>
                {t(`import.dateOrder.${order}`)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="import-columns" role="region" aria-label={t('import.columns')} tabIndex={0}>
        <table>
          <colgroup>
            <col style={{ width: '26%' }} />
            <col style={{ width: '40%' }} />
            <col style={{ width: '34%' }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.examples')}</th>
              <th scope="col">{t('import.target')}</th>
            </tr>
          </thead>
          <tbody>
            {file.headers.map((header, column) => (
              <tr key={column}>
                <th scope="row">{header}</th>
                <td className="import-examples">{examples(file.sample, column)}</td>
                <td>
                  <select
                    aria-label={t('import.target') + ' — ' + header}
                    value={choices.mapping[column] ?? ''}
                    onChange={(e) => setTarget(column, e.target.value)}
                  >
                    <option value="">{t('import.notImported')}</option>
                    {targets
                      .filter((x) => x.id !== 'ignore')
                      .map((x) => (
                        <option key={x.id} value={x.id}>
                          {labelOf(x.id)}
                        </option>
                      ))}
                    {onNewField && (
                      <option value={NEW_FIELD}>{t('import.newField', { name: header })}</option>
                    )}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** What to do with a row whose customer exists, and what makes two the same customer. */
function DuplicatePolicy({
  choices,
  onChoices,
}: {
  choices: ImportChoices;
  onChoices(next: ImportChoices): void;
}) {
  const t = useT();
  return (
    <>
      <fieldset className="choice-group">
        <legend>{t('import.duplicates')}</legend>
        {DUPLICATE_POLICIES.map((policy) => (
          <label key={policy} className="choice">
            <input
              type="radio"
              name="import-policy"
              checked={choices.policy === policy}
              onChange={() => onChoices({ ...choices, policy })}
            />
            {t(`import.policy.${policy}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t('import.matchOn')}</legend>
        {MATCH_KEYS.map((key) => (
          <label key={key} className="choice">
            <input
              type="checkbox"
              checked={choices.matchOn.includes(key)}
              onChange={(e) =>
                onChoices({
                  ...choices,
                  matchOn: e.target.checked
                    ? [...choices.matchOn, key]
                    : choices.matchOn.filter((k) => k !== key),
                })
              }
            />
            {t(`import.match.${key}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** The first values of a column, for the user to recognise it. */
function examples(sample: string[][], column: number): string {
  return sample
    .map((row) => row[column] ?? '')
    .filter((cell) => cell.trim() !== '')
    .slice(0, 3)
    .join(' · ');
}

/** An orders mapping needs each line's product, and a target once. */
export function ordersMappingProblem(
  mapping: (string | null)[],
):
  | { key: 'import.ordersNeedProduct' }
  | { key: 'import.mappingTwice'; target: string }
  | { key: 'import.nothingMapped' }
  | null {
  const twice = mappingProblem(mapping, () => false);
  if (twice) return twice;
  return mapping.includes('line.product') ? null : { key: 'import.ordersNeedProduct' };
}

/** A message when the mapping cannot be used as it is: nothing mapped, or a field twice. */
export function mappingProblem(
  mapping: (string | null)[],
  multiple: (target: string) => boolean,
): { key: 'import.nothingMapped' } | { key: 'import.mappingTwice'; target: string } | null {
  const used = mapping.filter((m): m is string => m !== null && m !== 'ignore');
  if (used.length === 0) return { key: 'import.nothingMapped' };
  const twice = used.find((m, i) => !multiple(m) && used.indexOf(m) !== i);
  return twice ? { key: 'import.mappingTwice', target: twice } : null;
}
