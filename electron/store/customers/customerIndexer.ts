import type { Customer } from '../../../shared/domain/customer';
import type { PageCodec } from '../crypto/pageCodec';
import type { ComptoirDatabase } from '../db/database';
import type { BlindIndexes, Indexer } from '../pages/recordPages';

/** The form of an email used for exact-match lookup: trimmed and lower-case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The form of a phone used for exact-match lookup: E.164 as stored, else its digits. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `+${digits.slice(1).replace(/\+/g, '')}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return digits;
}

/**
 * Keyed hashes of every email and phone of a customer (what the duplicate check and import
 * look up without decrypting). Cached by value: re-sealing a page does not re-hash its records.
 */
export function customerIndexer(codec: PageCodec): Indexer<Customer> {
  const known = new Map<string, { key: string; indexes: BlindIndexes }>();
  return (customer) => {
    const emails = [customer.email, ...customer.additionalEmails]
      .map(normaliseEmail)
      .filter(Boolean);
    const phones = [customer.phone, ...customer.additionalPhones]
      .map(normalisePhone)
      .filter(Boolean);
    const key = `${emails.join(' ')}|${phones.join(' ')}`;
    const cached = known.get(customer.id);
    if (cached?.key === key) return cached.indexes;
    const indexes = {
      email: emails.map((e) => codec.blindIndexNow('email', e)),
      phone: phones.map((p) => codec.blindIndexNow('phone', p)),
    };
    known.set(customer.id, { key, indexes });
    return indexes;
  };
}

/**
 * Ids of the pages holding a customer whose email or phone matches exactly (blind index),
 * without the key. It reads every page row (the hashes are not IndexedDB keys since v3).
 */
export async function findCustomerPages(
  db: ComptoirDatabase,
  codec: PageCodec,
  kind: 'email' | 'phone',
  value: string,
): Promise<string[]> {
  const normalised = kind === 'email' ? normaliseEmail(value) : normalisePhone(value);
  if (!normalised) return [];
  const hash = await codec.blindIndex(kind, normalised);
  return db.pages
    .filter((row) => (kind === 'email' ? row.emailIndex : row.phoneIndex).includes(hash))
    .primaryKeys();
}
