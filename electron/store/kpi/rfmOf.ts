import type { Settings } from '../../../shared/domain/settings';
import { explainRfm } from '../../../shared/kpi/explainRfm';
import type { RfmExplanation } from '../../../shared/kpi/kpiTypes';
import type { CustomerStore } from '../customers/customerStore';
import type { HistoryStore } from '../history/historyStore';

export interface RfmOfDeps {
  customers: CustomerStore;
  history: HistoryStore;
  settings: () => Settings;
  now: () => number;
}

/**
 * A customer's RFM group as of now, over every purchase and channel, with the file's
 * thresholds: what the record shows under the figures. null before a first order.
 */
export async function rfmOf(deps: RfmOfDeps, customerId: string): Promise<RfmExplanation | null> {
  await deps.history.whenLoaded();
  deps.customers.get(customerId); // NOT_FOUND for an unknown customer
  return explainRfm(
    { purchases: deps.history.kpiPurchases(), customers: deps.customers.everyone() },
    {
      from: 0,
      // Today's purchases count: "as of" is the end of a period, not included.
      to: deps.now() + 1,
      compare: null,
      bucket: 'month',
      members: null,
      channel: null,
      city: null,
      settings: deps.settings().kpi,
    },
    customerId,
  );
}
