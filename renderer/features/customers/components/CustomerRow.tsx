import { memo, type KeyboardEvent } from 'react';
import type { ColumnId } from '../../../../shared/domain/customerColumns';
import { displayName, type Customer } from '../../../../shared/domain/customer';
import { Icon } from '../../../components/Icon';
import { useT } from '../../../i18n/useT';
import { columnSpec, type CellContext } from '../utils/columns';
import type { CustomField } from '../../../../shared/domain/customFields';

export const ROW_HEIGHT = 44;

export interface CustomerRowProps {
  index: number;
  top: number;
  /** Undefined while its page is still being fetched. */
  customer: Customer | undefined;
  columns: ColumnId[];
  customFields: readonly CustomField[];
  cellContext: CellContext;
  selected: boolean;
  onOpen(customer: Customer): void;
  onEdit(customer: Customer): void;
  onDelete(customer: Customer): void;
  onToggle(id: string): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>, index: number): void;
}

export const CustomerRow = memo(function CustomerRow({
  index,
  top,
  customer,
  columns,
  customFields,
  cellContext,
  selected,
  onOpen,
  onEdit,
  onDelete,
  onToggle,
  onKeyDown,
}: CustomerRowProps) {
  const t = useT();
  const style = { top, height: ROW_HEIGHT };
  if (!customer) {
    return (
      <div
        className="customer-row row-loading"
        role="row"
        aria-rowindex={index + 2}
        style={style}
        data-index={index}
      >
        <div role="cell" className="cell cell-select" />
        <div role="cell" className="cell cell-name">
          {t('customers.loadingRow')}
        </div>
      </div>
    );
  }
  const name = displayName(customer);
  return (
    <div
      className={`customer-row${selected ? ' row-selected' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      tabIndex={0}
      data-index={index}
      data-testid="customer-row"
      style={style}
      onDoubleClick={() => onOpen(customer)}
      onKeyDown={(event) => {
        const own = event.target === event.currentTarget;
        if (own && event.key === 'Enter') onOpen(customer);
        else if (own && event.key === ' ') {
          event.preventDefault();
          onToggle(customer.id);
        } else if (own && event.key === 'Delete') onDelete(customer);
        else onKeyDown(event, index);
      }}
    >
      <div role="cell" className="cell cell-select">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={t('customers.select', { name })}
          onChange={() => onToggle(customer.id)}
        />
      </div>
      {columns.map((column) => {
        const spec = columnSpec(column, customFields);
        return (
          <div
            key={column}
            role="cell"
            className={`cell cell-${column.replace(':', '-')}${spec.numeric ? ' cell-number' : ''}`}
          >
            {column === 'name' ? (
              <button
                type="button"
                className="link-button"
                onClick={() => onOpen(customer)}
                tabIndex={-1}
              >
                {spec.cell(customer, cellContext)}
              </button>
            ) : (
              spec.cell(customer, cellContext)
            )}
          </div>
        );
      })}
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
