// Domain errors carry a code; this one table turns a code into an HTTP status and a CLI exit code.
export const errorTable = {
  BAD_REQUEST: { status: 400, exit: 2 },
  VALIDATION: { status: 400, exit: 2 },
  BAD_JSON: { status: 400, exit: 2 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, exit: 2 },
  PAYLOAD_TOO_LARGE: { status: 413, exit: 2 },
  CONFIG: { status: 500, exit: 2 },
  UNAUTHENTICATED: { status: 401, exit: 2 },
  BAD_CREDENTIALS: { status: 401, exit: 2 },
  CSRF: { status: 403, exit: 2 },
  FORBIDDEN: { status: 403, exit: 2 },
  NOT_FOUND: { status: 404, exit: 2 },
  CONFLICT: { status: 409, exit: 2 },
  RATE_LIMITED: { status: 429, exit: 1 },
  STORE_UNAVAILABLE: { status: 503, exit: 1 },
  STORE_CORRUPT: { status: 500, exit: 1 },
  STORE_LOCKED: { status: 503, exit: 1 },
  SEGMENT_SYNTAX: { status: 400, exit: 2 },
  SEGMENT_CYCLE: { status: 400, exit: 2 },
  IMPORT_UNREADABLE: { status: 400, exit: 2 },
  TEMPLATE_SYNTAX: { status: 400, exit: 2 },
  SENSITIVE_WORD: { status: 400, exit: 2 },
  FILE_TYPE_MISMATCH: { status: 400, exit: 2 },
  INTERNAL: { status: 500, exit: 1 },
} as const satisfies Record<string, { status: number; exit: 0 | 1 | 2 }>;

export type ErrorCode = keyof typeof errorTable;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorTable[this.code].status;
  }

  get exitCode(): 0 | 1 | 2 {
    return errorTable[this.code].exit;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The one error body shape of the API: `{ error: { code, message, details } }`. */
export function errorBody(e: AppError): { error: { code: ErrorCode; message: string; details: unknown } } {
  return { error: { code: e.code, message: e.message, details: e.details ?? null } };
}
