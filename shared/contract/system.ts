import { z } from 'zod';
import { method } from './define';

export const systemContract = {
  /** A no-op round trip: used by the bench and as a liveness check. */
  'system.ping': method<{ at: number }>()(z.strictObject({})),
};
