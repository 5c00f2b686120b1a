import type {
  ImportCounts,
  ImportKind,
  ImportRowOutcome,
  OrderCounts,
} from '../../../../shared/contract/imports';
import { en, type MessageKey } from '../../../i18n/en';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';

const SHOWN = ['create', 'update', 'merge', 'unchanged', 'skip', 'reject'] as const;
const ROWS_SHOWN = 50;
const ORDER_COUNTS = ['orders', 'lines', 'newCustomers', 'known'] as const;

/** What an import will do (or did), row by row counts, and the first rejected rows with why. */
export function ImportOutcome({
  counts,
  rejected,
  kind = 'customers',
  orders,
  phonesKept = 0,
}: {
  counts: ImportCounts;
  rejected: ImportRowOutcome[];
  kind?: ImportKind;
  /** An orders import's own counts, shown first. */
  orders?: OrderCounts;
  /** Rows whose unreadable phone went to the notes. */
  phonesKept?: number;
}) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const numbers = new Intl.NumberFormat(language);
  // A rule the UI has no sentence for is shown as its code rather than not at all.
  // A problem names a column of the file ("Courriel") or a customer field ("phone",
  // "additionalPhones.0"): fields are shown in the user's words.
  const field = (name: string) => {
    const key = `field.${name.split('.')[0]}`;
    return key in en ? t(key as MessageKey) : name;
  };
  const rule = (code: string) => {
    const key = `rule.${code}`;
    return key in en ? t(key as MessageKey) : code;
  };
  return (
    <div className="import-outcome">
      {orders && (
        <dl className="import-counts">
          {ORDER_COUNTS.filter((key) => orders[key] > 0 || key === 'orders').map((key) => (
            <div key={key} className={`import-count import-count-orders-${key}`}>
              <dt>{numbers.format(orders[key])}</dt>
              <dd>{t(`import.orders.${key}`, { count: orders[key] })}</dd>
            </div>
          ))}
        </dl>
      )}
      <dl className="import-counts">
        {SHOWN.filter((action) => counts[action] > 0 || action === 'create').map((action) => (
          <div key={action} className={`import-count import-count-${action}`}>
            <dt>{numbers.format(counts[action])}</dt>
            <dd>
              {kind === 'orders'
                ? t(`import.orderRows.${action}`, { count: counts[action] })
                : t(`import.count.${action}`)}
            </dd>
          </div>
        ))}
      </dl>
      {phonesKept > 0 && (
        <p className="field-hint" role="note">
          {t('import.phonesKept', { count: phonesKept })}
        </p>
      )}
      {rejected.length > 0 && (
        <div
          className="import-rejected"
          role="region"
          aria-label={t('import.rejectedTitle')}
          tabIndex={0}
        >
          <h3>{t('import.rejectedTitle')}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                <th scope="col">{t('import.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {rejected.slice(0, ROWS_SHOWN).map((row) => (
                <tr key={row.line}>
                  <td>{numbers.format(row.line)}</td>
                  <td>
                    {row.problems
                      .map((p) =>
                        t('import.problem', { field: field(p.field), rule: rule(p.rule) }),
                      )
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {counts.reject > ROWS_SHOWN && (
            <p>{t('import.moreRejected', { count: counts.reject - ROWS_SHOWN })}</p>
          )}
        </div>
      )}
    </div>
  );
}
