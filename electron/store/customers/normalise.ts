/** The form of an email used for exact-match lookup: trimmed and lower-case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The form of a phone used for exact-match lookup: digits with a leading +, national
 * French/British trunk zeros turned international. The customer-records issue replaces
 * this with libphonenumber-js and a default country from settings.
 */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `+${digits.slice(1).replace(/\+/g, '')}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return digits;
}
