import { expect } from 'vitest';
import type { Outcome } from '../dispatch';

/** A fuzzed call's answer: a result or a stated refusal, never INTERNAL (a handler that broke). */
export function answeredProperly(outcome: Outcome): void {
  expect(outcome.ok || outcome.error.code).not.toBe('INTERNAL');
  if (!outcome.ok) expect(outcome.error.message).toBeTruthy();
}
