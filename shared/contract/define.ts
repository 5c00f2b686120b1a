import type { z } from 'zod';

/**
 * One method of a contract: the runtime schema of its argument, and (as a type only)
 * its result. The receiving side checks every argument against `arg` before any handler runs.
 */
export interface MethodSpec<Arg extends z.ZodType = z.ZodType, Result = unknown> {
  readonly arg: Arg;
  /** Type-only marker; never read at run time. */
  readonly result?: Result;
}

export type Contract = Record<string, MethodSpec>;

export function method<Result>() {
  return <Arg extends z.ZodType>(arg: Arg): MethodSpec<Arg, Result> => ({ arg });
}

export type MethodName<C extends Contract> = Extract<keyof C, string>;
export type ArgOf<C extends Contract, M extends MethodName<C>> = z.input<C[M]['arg']>;
export type ParsedArgOf<C extends Contract, M extends MethodName<C>> = z.output<C[M]['arg']>;
export type ResultOf<C extends Contract, M extends MethodName<C>> =
  C[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

/** What a handler gets besides its argument. */
export interface CallContext {
  /** Aborted when the caller cancels. Long jobs check it between batches. */
  signal: AbortSignal;
  /** Pushes a progress value to the caller of this call only. */
  progress(value: unknown): void;
}

/** The serving side: one function per method, given the already-validated argument. */
export type HandlersOf<C extends Contract> = {
  [M in MethodName<C>]: (
    arg: ParsedArgOf<C, M>,
    ctx: CallContext,
  ) => Promise<ResultOf<C, M>> | ResultOf<C, M>;
};

/** Events a server may push, by name, with their payload types. */
export type EventMap = Record<string, unknown>;
