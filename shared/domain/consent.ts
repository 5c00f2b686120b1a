import { z } from 'zod';

/** One channel's marketing consent: given or withdrawn, when, and how it was collected. */
export interface ConsentEntry {
  granted: boolean;
  /** Set by the store when the answer changes: a client cannot backdate a consent. */
  at: number;
  /** Where it was collected ("counter", "web form", "import: shopify.csv"...). */
  source: string;
}

export const CONSENT_CHANNELS = ['email', 'sms', 'post', 'phone'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
/** null: never asked, which is not the same as a refusal. */
export type Consent = Record<ConsentChannel, ConsentEntry | null>;

const entrySchema = z.strictObject({
  granted: z.boolean(),
  at: z.int().nonnegative().default(0),
  source: z.string().trim().max(100, { error: 'tooLong' }).default(''),
});

export const consentSchema = z.strictObject({
  email: entrySchema.nullable().default(null),
  sms: entrySchema.nullable().default(null),
  post: entrySchema.nullable().default(null),
  phone: entrySchema.nullable().default(null),
});

export function emptyConsent(): Consent {
  return { email: null, sms: null, post: null, phone: null };
}

/** The consent to store: an answer that changed is stamped `now`; an unchanged one keeps its date. */
export function stampConsent(next: Consent, previous: Consent | undefined, now: number): Consent {
  const stamped = emptyConsent();
  for (const channel of CONSENT_CHANNELS) {
    const entry = next[channel];
    const before = previous?.[channel] ?? null;
    if (entry === null) stamped[channel] = null;
    else if (before && before.granted === entry.granted && before.source === entry.source)
      stamped[channel] = before;
    else stamped[channel] = { ...entry, at: now };
  }
  return stamped;
}
