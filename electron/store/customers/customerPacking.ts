import { CONSENT_CHANNELS } from '../../../shared/domain/consent';
import type { Customer } from '../../../shared/domain/customer';
import { EMPTY_FIGURES } from '../../../shared/domain/figures';

/**
 * Customers are sealed without their empty fields and filled back on load: most fields of most
 * customers are empty, and JSON parsing at unlock costs in proportion to the bytes (710 bytes a
 * demo customer in full, about 355 packed). `upgradeCustomer` (shared) fills them back.
 */
export function packCustomer(customer: Customer): Partial<Customer> {
  const packed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(customer)) {
    if (value === '' || value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (key === 'custom' && Object.keys(value as object).length === 0) continue;
    if (key === 'consent' && CONSENT_CHANNELS.every((c) => customer.consent[c] === null)) continue;
    if (key === 'figures' && isEmptyFigures(customer.figures)) continue;
    packed[key] = value;
  }
  return packed as Partial<Customer>;
}

function isEmptyFigures(figures: Customer['figures']): boolean {
  return (Object.keys(EMPTY_FIGURES) as (keyof typeof EMPTY_FIGURES)[]).every(
    (key) => figures[key] === EMPTY_FIGURES[key],
  );
}
