/**
 * The API's one error shape, `{ code, message, details?, requestId }` (see apps/api common/errors). It is not
 * part of the OpenAPI document, so it is read defensively here rather than typed from the schema.
 */
export interface FieldError {
  field: string;
  messages: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromResponse(status: number, body: unknown): ApiError {
    if (isRecord(body) && typeof body.code === 'string') {
      return new ApiError(
        status,
        body.code,
        typeof body.message === 'string' ? body.message : body.code,
        typeof body.requestId === 'string' ? body.requestId : undefined,
        body.details,
      );
    }
    return new ApiError(status, status >= 500 ? 'INTERNAL' : 'HTTP_ERROR', `HTTP ${status}`);
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause));
    return error;
  }

  /** Validation errors name each bad field: `details.fields: [{ field, messages }]`. */
  get fieldErrors(): FieldError[] {
    if (!isRecord(this.details) || !Array.isArray(this.details.fields)) return [];
    return this.details.fields.filter(
      (item): item is FieldError =>
        isRecord(item) &&
        typeof item.field === 'string' &&
        Array.isArray(item.messages) &&
        item.messages.every((message) => typeof message === 'string'),
    );
  }

  /** A duplicate names its field: `details: { entity, field, value }`. */
  get duplicateField(): string | undefined {
    return this.code === 'DUPLICATE' && isRecord(this.details) && typeof this.details.field === 'string'
      ? this.details.field
      : undefined;
  }

  get isStaleVersion(): boolean {
    return this.code === 'STALE_VERSION';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Server field errors as antd `form.setFields` entries. Fields the form does not show are returned apart so
 * the caller can show them in a summary.
 */
export function toFormFieldErrors<F extends string>(
  error: ApiError,
  formFields: readonly F[],
): { fields: { name: F; errors: string[] }[]; other: FieldError[] } {
  const known = new Set<string>(formFields);
  const entries = error.fieldErrors.slice();
  const duplicate = error.duplicateField;
  if (duplicate) entries.push({ field: duplicate, messages: [error.message] });
  const fields: { name: F; errors: string[] }[] = [];
  const other: FieldError[] = [];
  for (const entry of entries) {
    const name = entry.field.split('.')[0];
    if (known.has(name)) fields.push({ name: name as F, errors: entry.messages });
    else other.push(entry);
  }
  return { fields, other };
}
