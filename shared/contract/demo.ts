import { z } from 'zod';
import { method } from './define';

export const DEMO_MAX = 200_000;

export interface DemoProgress {
  done: number;
  total: number;
}

export const demoContract = {
  /** Adds `count` generated customers; pushes DemoProgress; cancellable (nothing kept then). */
  'demo.load': method<{ created: number }>()(
    z.strictObject({
      count: z.int().min(1).max(DEMO_MAX),
      seed: z.int().nonnegative().default(1),
    }),
  ),
};
