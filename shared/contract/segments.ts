import { z } from 'zod';
import type { SavedSegment, SegmentCount, SegmentSummary } from '../segments/savedSegment';
import { SEGMENT_NAME_MAX, ruleSchema } from '../segments/ruleSchema';
import { method } from './define';

const segmentId = z.string().min(1).max(64);

export const segmentsContract = {
  /** Every saved segment by name, with its size today. */
  'segments.list': method<SegmentSummary[]>()(z.strictObject({})),
  /** How many customers a rule keeps and the first few: the builder's live count. */
  'segments.count': method<SegmentCount>()(z.strictObject({ rule: ruleSchema })),
  /** A new segment (no id) or a change to one; a new name is carried into the rules using it. */
  'segments.save': method<SavedSegment>()(
    z.strictObject({
      id: segmentId.optional(),
      name: z
        .string()
        .trim()
        .min(1, { error: 'required' })
        .max(SEGMENT_NAME_MAX, { error: 'tooLong' }),
      description: z.string().trim().max(500, { error: 'tooLong' }).default(''),
      rule: ruleSchema,
    }),
  ),
  /** A copy, named by `copyName` ("{name} (copy{n})", in the user's language). */
  'segments.duplicate': method<SavedSegment>()(
    z.strictObject({
      id: segmentId,
      copyName: z.string().min(1).max(60).includes('{name}'),
    }),
  ),
  /** Refused (CONFLICT) while another segment uses it. */
  'segments.delete': method<{ deleted: number }>()(z.strictObject({ id: segmentId })),
};
