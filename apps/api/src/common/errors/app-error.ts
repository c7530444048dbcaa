/** Machine-readable error codes, shared by REST (`code`) and GraphQL (`extensions.code`). */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  STALE_VERSION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  /** A partner query estimated above its budget, refused before it ran. */
  QUERY_TOO_EXPENSIVE: 400,
  /** A query stopped by its statement timeout. */
  QUERY_TIMEOUT: 503,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  field: string;
  messages: string[];
}

/** An error whose message is safe to show to the caller. Anything else becomes a generic 500. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string | number) {
    super('NOT_FOUND', `${entity} ${id} was not found`, { entity, id });
  }
}

export class DuplicateError extends AppError {
  constructor(entity: string, field: string, value: string) {
    super('DUPLICATE', `${entity} with ${field} ${value} already exists`, { entity, field, value });
  }
}

export class StaleVersionError extends AppError {
  constructor(entity: string, id: string | number, expected: number, actual: number) {
    super(
      'STALE_VERSION',
      `${entity} ${id} was changed by someone else (your version ${expected}, current ${actual}); reload and retry`,
      { entity, id, expectedVersion: expected, currentVersion: actual },
    );
  }
}

export class ValidationFailedError extends AppError {
  constructor(fields: FieldError[], message = 'Validation failed') {
    super('VALIDATION_FAILED', message, { fields });
  }
}
