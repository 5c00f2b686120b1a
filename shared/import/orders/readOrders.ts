import type { DateOrder } from '../../contract/imports';
import { cleanText, parseDate, parseNumber } from '../mapping/parseValues';
import type { OrderTarget } from './orderColumns';

/** One line of an order as the file gives it. */
export interface OrderLineRead {
  product: string;
  sku: string;
  category: string;
  quantity: number;
  unitPriceMinor: number;
}

/** An order of the file: its rows (the first holds the order's fields), its lines. */
export interface OrderRead {
  orderId: string;
  /** File lines of its rows: every message names them. */
  lines: number[];
  at: number;
  email: string;
  customerId: string;
  name: string;
  phone: string;
  currency: string;
  channel: string;
  items: OrderLineRead[];
  /** Problems of any of its rows: one makes the whole order rejected (nothing half-imported). */
  problems: { line: number; field: string; rule: string }[];
}

export interface ReadOrdersOptions {
  dateOrder: DateOrder;
  /** For orders that do not say (the file's currency setting). */
  currency: string;
  /** Column titles, to name a problem's column as the user sees it. */
  headers: readonly string[];
}

const MAX_LINES = 200;

/**
 * Rows of an orders file grouped into orders. A row with an order number starts that order or
 * adds a line to it; a row without one continues the order above (the Shopify export leaves the
 * order's columns blank on its second and later lines). The order's fields are taken from the
 * first row that gives each.
 */
export function readOrders(
  rows: readonly string[][],
  fileLines: readonly number[],
  mapping: readonly (OrderTarget | string | null)[],
  options: ReadOrdersOptions,
): { orders: OrderRead[]; orphans: { line: number; field: string; rule: string }[] } {
  const column = new Map<OrderTarget, number>();
  mapping.forEach((target, i) => {
    if (target && target !== 'ignore' && !column.has(target as OrderTarget))
      column.set(target as OrderTarget, i);
  });
  const header = (target: OrderTarget) => options.headers[column.get(target) ?? -1] ?? target;
  const orders = new Map<string, OrderRead>();
  const orphans: { line: number; field: string; rule: string }[] = [];
  let current: OrderRead | null = null;

  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    const line = fileLines[r]!;
    const cell = (target: OrderTarget) => {
      const at = column.get(target);
      return at === undefined ? '' : cleanText(cells[at] ?? '');
    };
    if (cells.every((c) => c.trim() === '')) continue;
    const orderId = cell('order.id');
    if (orderId !== '') {
      current = orders.get(orderId) ?? null;
      if (!current) {
        current = newOrder(orderId, options.currency);
        orders.set(orderId, current);
      }
    } else if (!column.has('order.id')) {
      // A file without order numbers: each row is an order of its own, named by its line.
      current = newOrder(`line ${line}`, options.currency);
      orders.set(current.orderId, current);
    } else if (!current) {
      orphans.push({ line, field: header('order.id'), rule: 'required' });
      continue;
    }
    const order: OrderRead = current;
    order.lines.push(line);
    const problem = (target: OrderTarget, rule: string) =>
      order.problems.push({ line, field: header(target), rule });

    // The order's own fields: the first row that gives one sets it.
    const date = cell('order.date');
    if (date !== '' && order.at === 0) {
      const at = parseOrderDate(date, options.dateOrder);
      if (at === null) problem('order.date', 'invalidDate');
      else order.at = at;
    }
    if (order.email === '') order.email = cell('order.email').toLowerCase();
    if (order.customerId === '') order.customerId = cell('order.customerId').replace(/^'/, '');
    if (order.name === '') order.name = cell('order.name');
    if (order.phone === '') order.phone = cell('order.phone');
    if (order.channel === '') order.channel = cell('order.channel').slice(0, 100);
    const currency = cell('order.currency').toUpperCase();
    if (currency !== '') {
      if (/^[A-Z]{3}$/.test(currency)) order.currency = currency;
      else problem('order.currency', 'invalidChoice');
    }

    // Its line: a product, a quantity (1 when not said), a unit price (0 when not said).
    const product = cell('line.product');
    if (product === '') {
      if (cell('line.quantity') !== '' || cell('line.price') !== '')
        problem('line.product', 'required');
      continue;
    }
    const quantityText = cell('line.quantity');
    const quantity =
      quantityText === '' ? { ok: true as const, value: 1 } : parseNumber(quantityText);
    const priceText = cell('line.price');
    const price = priceText === '' ? { ok: true as const, value: 0 } : parseNumber(priceText);
    if (!quantity.ok || quantity.value <= 0 || quantity.value > 100_000)
      problem('line.quantity', 'invalidNumber');
    else if (!price.ok || Math.abs(price.value) > 100_000_000)
      problem('line.price', 'invalidNumber');
    else if (order.items.length >= MAX_LINES) problem('line.product', 'tooMany');
    else
      order.items.push({
        product: product.slice(0, 200),
        sku: cell('line.sku').slice(0, 64),
        category: cell('line.category').slice(0, 100),
        quantity: quantity.value,
        unitPriceMinor: Math.round(price.value * 100),
      });
  }

  for (const order of orders.values()) {
    const first = order.lines[0]!;
    if (order.items.length === 0 && order.problems.length === 0)
      order.problems.push({ line: first, field: header('line.product'), rule: 'required' });
    if (order.at === 0 && !order.problems.some((p) => p.field === header('order.date')))
      order.problems.push({ line: first, field: header('order.date'), rule: 'required' });
    if (order.email === '' && order.customerId === '')
      order.problems.push({ line: first, field: header('order.email'), rule: 'required' });
  }
  return { orders: [...orders.values()], orphans };
}

function newOrder(orderId: string, currency: string): OrderRead {
  return {
    orderId: orderId.slice(0, 100),
    lines: [],
    at: 0,
    email: '',
    customerId: '',
    name: '',
    phone: '',
    currency,
    channel: '',
    items: [],
    problems: [],
  };
}

const DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const LOCAL_DATE_TIME = /^(.+?)[ T](\d{1,2})[:h](\d{2})(?::(\d{2}))?$/i;

/**
 * When an order was placed, in ms: "2025-05-11 09:55:16 -0400" (Shopify, with its zone),
 * ISO with a time, or a date as `parseDate` reads it with an optional "14:05" (then in UTC, as
 * a file without a zone says nothing better); a date alone is noon UTC, the same day everywhere.
 */
export function parseOrderDate(text: string, order: DateOrder): number | null {
  const full = DATE_TIME.exec(text.trim());
  if (full) {
    const [, y, mo, d, h, mi, s, zone] = full;
    const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +(s ?? 0));
    if (!validParts(+y!, +mo!, +d!, +h!, +mi!)) return null;
    return utc - offsetMinutes(zone) * 60_000;
  }
  const local = LOCAL_DATE_TIME.exec(text.trim());
  const day = parseDate(local ? local[1]! : text, order);
  if (!day.ok) return null;
  const [y, mo, d] = day.iso.split('-').map(Number) as [number, number, number];
  if (!local) return Date.UTC(y, mo - 1, d, 12);
  const [h, mi, s] = [+local[2]!, +local[3]!, +(local[4] ?? 0)];
  if (!validParts(y, mo, d, h, mi)) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function validParts(y: number, mo: number, d: number, h: number, mi: number): boolean {
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && y >= 1900;
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits[0] === '-' ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}
