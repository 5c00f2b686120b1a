/** Stable error codes: the UI turns each into a sentence in the user's language. */
export const ERROR_CODES = [
  'LOCKED',
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_FILE',
  'CANCELLED',
  'WRONG_SECRET',
  'TOO_MANY_TRIES',
  'FORBIDDEN',
  // The browser's storage (IndexedDB) refused a write: the disk or the origin's quota is full.
  'STORAGE_FULL',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem in an argument: where (path) and which rule it broke (a stable code). */
export interface FieldProblem {
  path: (string | number)[];
  rule: string;
}

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** An error meant to cross a process boundary as `{code, message, details}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
