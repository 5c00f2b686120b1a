import type { z } from 'zod';
import { AppError, type ErrorInfo, type FieldProblem } from '../errors';
import type { CallContext, Contract, HandlersOf } from '../contract/define';
import { isStorageFull } from './storageFull';

export type Outcome = { ok: true; value: unknown } | { ok: false; error: ErrorInfo };

/** Turns schema issues into stable `{path, rule}` problems the UI can translate. */
export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    rule: issue.message,
  }));
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return error.toInfo();
  // Before the AbortError: a transaction that ran out of room aborts with the quota as its cause.
  if (isStorageFull(error)) {
    return { code: 'STORAGE_FULL', message: 'There is no room left to save this on this computer' };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'CANCELLED', message: 'The operation was cancelled' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}

/**
 * Validates `arg` against the method's schema, then runs its handler. Never throws:
 * every failure becomes an `{ok: false, error}` outcome with a stable code.
 */
export async function dispatch<C extends Contract>(
  contract: C,
  handlers: HandlersOf<C>,
  method: string,
  arg: unknown,
  ctx: CallContext,
): Promise<Outcome> {
  if (!Object.hasOwn(contract, method)) {
    return { ok: false, error: { code: 'VALIDATION', message: `Unknown method "${method}"` } };
  }
  const spec = contract[method]!;
  const parsed = spec.arg.safeParse(arg);
  if (!parsed.success) {
    const problems = problemsOf(parsed.error);
    const where = problems.map((p) => p.path.join('.') || '(argument)').join(', ');
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `Invalid argument for "${method}" at ${where}`,
        details: problems,
      },
    };
  }
  try {
    const handler = handlers[method as keyof HandlersOf<C>] as (
      a: unknown,
      c: CallContext,
    ) => unknown;
    // A handler that finished did its work, even if a cancel arrived too late: say so truthfully.
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
