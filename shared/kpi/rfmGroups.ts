/** The RFM groups, best first: their own file so the KPI types and their definitions both import them. */
export const RFM_GROUPS = [
  'champions',
  'loyal',
  'potentialLoyalists',
  'newCustomers',
  'promising',
  'needAttention',
  'aboutToSleep',
  'atRisk',
  'cannotLose',
  'hibernating',
  'lost',
] as const;
export type RfmGroup = (typeof RFM_GROUPS)[number];
