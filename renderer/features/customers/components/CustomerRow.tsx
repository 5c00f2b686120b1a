import { memo, type KeyboardEvent } from 'react';
import { displayName, type Customer } from '../../../../shared/domain/customer';
import { Icon } from '../../../components/Icon';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';

export const ROW_HEIGHT = 44;

export interface CustomerRowProps {
  index: number;
  top: number;
  /** Undefined while its page is still being fetched. */
  customer: Customer | undefined;
  onEdit(customer: Customer): void;
  onDelete(customer: Customer): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>, index: number): void;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(language: string, at: number): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    dateFormats.set(language, format);
  }
  return format.format(at);
}

export const CustomerRow = memo(function CustomerRow({
  index,
  top,
  customer,
  onEdit,
  onDelete,
  onKeyDown,
}: CustomerRowProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const style = { transform: `translateY(${top}px)`, height: ROW_HEIGHT };
  if (!customer) {
    return (
      <div
        className="customer-row row-loading"
        role="row"
        aria-rowindex={index + 2}
        style={style}
        data-index={index}
      >
        <div role="cell" className="cell cell-name">
          {t('customers.loadingRow')}
        </div>
      </div>
    );
  }
  const name = displayName(customer);
  return (
    <div
      className="customer-row"
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      data-index={index}
      data-testid="customer-row"
      style={style}
      onDoubleClick={() => onEdit(customer)}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && event.key === 'Enter') onEdit(customer);
        else if (event.target === event.currentTarget && event.key === 'Delete') onDelete(customer);
        else onKeyDown(event, index);
      }}
    >
      <div role="cell" className="cell cell-name">
        <button
          type="button"
          className="link-button"
          onClick={() => onEdit(customer)}
          tabIndex={-1}
        >
          {customer.lastName ? (
            <>
              <strong>{customer.lastName}</strong> {customer.firstName}
            </>
          ) : (
            name
          )}
        </button>
      </div>
      <div role="cell" className="cell cell-email">
        {customer.email}
      </div>
      <div role="cell" className="cell cell-phone">
        {customer.phone}
      </div>
      <div role="cell" className="cell cell-city">
        {customer.city}
      </div>
      <div role="cell" className="cell cell-tags">
        {customer.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </div>
      <div role="cell" className="cell cell-updatedAt">
        {formatDate(language, customer.updatedAt)}
      </div>
      <div role="cell" className="cell cell-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={t('customers.edit', { name })}
          title={t('customers.edit', { name })}
          onClick={() => onEdit(customer)}
        >
          <Icon name="edit" />
        </button>
        <button
          type="button"
          className="icon-button icon-danger"
          aria-label={t('customers.delete', { name })}
          title={t('customers.delete', { name })}
          onClick={() => onDelete(customer)}
        >
          <Icon name="trash" />
        </button>
      </div>
    </div>
  );
});
