import { z } from 'zod';
import type { RfmExplanation } from '../kpi/kpiTypes';
import { method } from './define';

/** A customer's RFM group today, with the reason for each score (the customer record). */
export const rfmContract = {
  'kpi.rfmOf': method<RfmExplanation | null>()(
    z.strictObject({ customerId: z.string().min(1).max(64) }),
  ),
};
