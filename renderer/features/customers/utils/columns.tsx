import type { ReactNode } from 'react';
import type { CustomField } from '../../../../shared/domain/customFields';
import {
  type BUILT_IN_COLUMNS,
  isCustomColumn,
  type ColumnId,
} from '../../../../shared/domain/customerColumns';
import type { Customer } from '../../../../shared/domain/customer';
import { averageBasketMinor } from '../../../../shared/domain/figures';
import { formatDate, formatMoney, formatNumber, formatPhone } from '../../../i18n/format';
import type { MessageKey, Params } from '../../../i18n/translate';
import { customText } from '../../customerRecord/utils/fieldPatch';

export interface CellContext {
  language: string;
  currency: string;
  country: string;
  t(key: MessageKey, params?: Params): string;
}

interface ColumnSpec {
  /** CSS grid track; the minimum is what the list's horizontal scroll is sized on. */
  track: string;
  min: number;
  numeric?: boolean;
  cell(customer: Customer, ctx: CellContext): ReactNode;
}

const text = (track: string, min: number, get: (c: Customer) => string): ColumnSpec => ({
  track,
  min,
  cell: (c) => get(c),
});
// Widths chosen so that the default columns fit a 1280 px window with its scroll bar (1210 px).
const date = (get: (c: Customer) => number | string | null): ColumnSpec => ({
  track: '136px',
  min: 136,
  cell: (c, ctx) => {
    const at = get(c);
    return at === null || at === '' ? '' : formatDate(ctx.language, at);
  },
});
const money = (get: (c: Customer) => number | null): ColumnSpec => ({
  track: '124px',
  min: 124,
  numeric: true,
  cell: (c, ctx) => {
    const minor = get(c);
    return minor === null ? '' : formatMoney(ctx.language, minor, ctx.currency);
  },
});
const chips = (get: (c: Customer) => string[]): ColumnSpec => ({
  track: 'minmax(120px, 1.1fr)',
  min: 120,
  cell: (c) =>
    get(c).map((tag) => (
      <span key={tag} className="tag">
        {tag}
      </span>
    )),
});
const choice = (field: 'status' | 'source' | 'preferredChannel' | 'language'): ColumnSpec => ({
  track: '110px',
  min: 110,
  cell: (c, ctx) =>
    c[field] === '' ? (
      ''
    ) : (
      <span className={field === 'status' ? `status status-${c.status}` : undefined}>
        {ctx.t(`choice.${field}.${c[field]}` as MessageKey)}
      </span>
    ),
});

const SPECS: Record<(typeof BUILT_IN_COLUMNS)[number], ColumnSpec> = {
  name: {
    track: 'minmax(160px, 1.4fr)',
    min: 160,
    cell: (c) =>
      c.lastName ? (
        <>
          <strong>{c.lastName}</strong> {c.firstName}
        </>
      ) : (
        c.firstName || c.email
      ),
  },
  email: text('minmax(182px, 1.6fr)', 182, (c) => c.email),
  phone: {
    track: 'minmax(150px, 1fr)',
    min: 150,
    cell: (c, ctx) => formatPhone(c.phone, ctx.country),
  },
  company: text('minmax(130px, 1fr)', 130, (c) => c.company),
  jobTitle: text('minmax(130px, 1fr)', 130, (c) => c.jobTitle),
  city: text('minmax(110px, 1fr)', 110, (c) => c.city),
  postalCode: text('90px', 90, (c) => c.postalCode),
  country: text('70px', 70, (c) => c.country),
  status: choice('status'),
  tags: chips((c) => c.tags),
  interests: chips((c) => c.interests),
  source: choice('source'),
  preferredChannel: choice('preferredChannel'),
  language: choice('language'),
  birthDate: date((c) => c.birthDate),
  orderCount: {
    track: '110px',
    min: 110,
    numeric: true,
    cell: (c, ctx) => formatNumber(ctx.language, c.figures.orderCount),
  },
  totalSpent: money((c) => c.figures.totalSpentMinor),
  averageBasket: money((c) => averageBasketMinor(c.figures)),
  firstPurchaseAt: date((c) => c.figures.firstPurchaseAt),
  lastPurchaseAt: date((c) => c.figures.lastPurchaseAt),
  lastInteractionAt: date((c) => c.figures.lastInteractionAt),
  createdAt: date((c) => c.createdAt),
  updatedAt: date((c) => c.updatedAt),
};

export function columnSpec(column: ColumnId, customFields: readonly CustomField[]): ColumnSpec {
  if (!isCustomColumn(column)) return SPECS[column];
  const id = column.slice(7);
  const field = customFields.find((f) => f.id === id);
  return {
    track: 'minmax(110px, 1fr)',
    min: 110,
    numeric: field?.type === 'number',
    cell: (c, ctx) => {
      const value = c.custom[id];
      if (field?.type === 'yesNo' && typeof value === 'boolean') {
        return ctx.t(`choice.yesNo.${value ? 'yes' : 'no'}`);
      }
      if (field?.type === 'date' && typeof value === 'string' && value) {
        return formatDate(ctx.language, value);
      }
      return customText(value);
    },
  };
}

/** The column's header text. */
export function columnLabel(
  column: ColumnId,
  customFields: readonly CustomField[],
  t: (key: MessageKey) => string,
): string {
  if (!isCustomColumn(column)) return t(`column.${column}` as MessageKey);
  return customFields.find((f) => f.id === column.slice(7))?.label ?? column.slice(7);
}

/** Columns that still exist (a custom field removed in settings drops its column). */
export function liveColumns(columns: ColumnId[], customFields: readonly CustomField[]): ColumnId[] {
  return columns.filter((c) => !isCustomColumn(c) || customFields.some((f) => f.id === c.slice(7)));
}
