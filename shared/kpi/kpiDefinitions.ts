import type { RfmGroup } from './rfmGroups';

/**
 * One line per KPI, shown on hover. English for now: the UI passes them through the
 * translation layer later. "In scope" means: the channel, segment and city filters.
 */
export const KPI_DEFINITIONS = {
  revenue:
    'Sum of the period’s orders minus its refunds (cancelled purchases count for nothing), purchases of unknown customers included.',
  orders: 'Purchases with a positive total in the period, unknown customers’ included.',
  averageBasket:
    'Sum of the period’s order totals divided by its number of orders, refunds left out.',
  buyers: 'Known customers with at least one order in the period.',
  frequency: 'Orders of known customers in the period divided by the number of buyers.',
  repeatRate: 'Share of the period’s buyers who ordered at least twice in it.',
  refunds: 'Sum of the period’s negative purchases (refunds), as a negative amount.',
  cancelled: 'Purchases with a total of zero in the period (cancelled or void).',
  unknownCustomerOrders:
    'Orders in the period whose customer is not in the file: counted in revenue and orders, left out of every per-customer figure.',
  comparison:
    'The same figures for the previous period of the same length, or for the same dates one calendar year earlier; change = now − then, and as a share of |then|.',
  series:
    'Revenue, orders, new and returning buyers per day, week (from Monday) or month; the first and last buckets only count the part inside the period.',
  newCustomers:
    'Buyers in the bucket whose first order ever (in scope) falls in that bucket, within the period.',
  returningCustomers: 'Buyers in the bucket who had ordered before it.',
  retention:
    'Customers grouped by the month of their first order (the 12 months up to the period’s end); cell k is the share of the group who ordered k months after that month (k = 0: the month itself, always 100%).',
  inactiveCustomers:
    'Customers who have ordered but whose last order before the period’s end is older than the inactivity threshold of the settings (180 days of 24 h by default).',
  inactiveRate: 'Inactive customers divided by the customers with at least one order.',
  leadConversion:
    'Of the customers created in the period, the share who placed an order after being created and before the period’s end.',
  clvHistorical:
    'Average, over customers with at least one order before the period’s end, of what they have spent so far (refunds deducted).',
  clvPredicted:
    'Average basket over the last 12 months × orders per buyer in those 12 months × expected lifetime in years (1 ÷ yearly churn, at most 5 years); yearly churn = share of the customers who ordered in the 12 months before those who did not order in the last 12.',
  topCustomers: 'The 10 customers who spent the most in the period (refunds deducted).',
  paretoShare: 'Share of the buyers’ revenue in the period that comes from the top 20% of buyers.',
  rfm: 'Customers scored 1 to 5 on recency of the last order (R), number of orders (F) and amount spent (M) as of the period’s end, with the thresholds of the settings; groups come from R and F.',
} as const;

export type KpiId = keyof typeof KPI_DEFINITIONS;

export const RFM_GROUP_DEFINITIONS: Readonly<Record<RfmGroup, string>> = {
  champions: 'Ordered very recently (R5) and often (F4–F5).',
  loyal: 'Order often (F4–F5), last order a while ago (R3–R4).',
  potentialLoyalists: 'Recent (R4–R5) with a few orders (F2–F3).',
  newCustomers: 'Very recent (R5) first and only order (F1).',
  promising: 'Recent (R4) single order (F1).',
  needAttention: 'Middling recency (R3) and frequency (F3).',
  aboutToSleep: 'Middling recency (R3), few orders (F1–F2).',
  atRisk: 'Ordered fairly often (F3–F4) but long ago (R1–R2).',
  cannotLose: 'Ordered the most often (F5) but long ago (R1–R2).',
  hibernating: 'Long ago (R2), few orders (F1–F2).',
  lost: 'Longest ago (R1), few orders (F1–F2).',
};
