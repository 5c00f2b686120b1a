import { z } from 'zod';

export const INTERACTION_KINDS = [
  'visit',
  'call',
  'email',
  'complaint',
  'review',
  'survey',
  'support',
  'note',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const interactionInputSchema = z
  .strictObject({
    customerId: z.string().min(1).max(64),
    kind: z.enum(INTERACTION_KINDS, { error: 'invalidChoice' }),
    at: z.int().nonnegative(),
    text: z.string().trim().max(5000, { error: 'tooLong' }).default(''),
    /** Reviews: 1 to 5 stars. */
    rating: z
      .int({ error: 'invalidNumber' })
      .min(1, { error: 'invalidNumber' })
      .max(5, { error: 'invalidNumber' })
      .nullable()
      .default(null),
    /** Surveys: an NPS answer from 0 to 10. */
    score: z
      .int({ error: 'invalidNumber' })
      .min(0, { error: 'invalidNumber' })
      .max(10, { error: 'invalidNumber' })
      .nullable()
      .default(null),
  })
  .refine((i) => i.kind !== 'review' || i.rating !== null, { error: 'required', path: ['rating'] })
  .refine((i) => i.kind !== 'survey' || i.score !== null, { error: 'required', path: ['score'] })
  .refine((i) => !['note', 'complaint', 'support'].includes(i.kind) || i.text !== '', {
    error: 'required',
    path: ['text'],
  });
export type InteractionInput = z.output<typeof interactionInputSchema>;
export type InteractionDraft = z.input<typeof interactionInputSchema>;

export interface Interaction extends InteractionInput {
  id: string;
  createdAt: number;
}

/** A change to a customer's record, as the timeline shows it. */
export interface CustomerChange {
  id: string;
  customerId: string;
  at: number;
  kind: 'created' | 'updated';
  /** Field, value before and after, as text (shortened); empty for 'created'. */
  fields: { field: string; from: string; to: string }[];
}
