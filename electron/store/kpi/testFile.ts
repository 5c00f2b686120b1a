import { purchaseInputSchema } from '../../../shared/domain/purchase';
import { randomBytes } from '../../../shared/vault/bytes';
import { PageCipher } from '../crypto/pageCipher';
import { openDatabase } from '../db/database';
import { Session } from '../session';

export const DAY = 86_400_000;

/** A new encrypted customer file whose clock stands at `clock` (for the dashboard's tests). */
export async function openTestFile(clock: number): Promise<Session> {
  const db = openDatabase(`kpi-${crypto.randomUUID()}`);
  const cipher = await PageCipher.fromDataKey(randomBytes(32));
  let seq = 0;
  const { session } = await Session.open(db, cipher, {
    now: () => clock,
    newId: () => `id${++seq}`,
  });
  return session;
}

/** A purchase of one pair of shoes at `euros`, `daysAgo` days before `clock`. */
export function shoesBought(
  clock: number,
  customerId: string,
  daysAgo: number,
  euros: number,
  channel = 'Shop',
) {
  return purchaseInputSchema.parse({
    customerId,
    at: clock - daysAgo * DAY,
    currency: 'EUR',
    channel,
    lines: [{ product: 'Shoes', quantity: 1, unitPriceMinor: euros * 100 }],
  });
}
