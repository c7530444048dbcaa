import { AppError, ValidationFailedError } from '../../../common/errors/app-error';

/** A rule on the submitted values alone (e.g. retail below wholesale): 400, like any other bad field. */
export function invalidField(field: string, message: string): ValidationFailedError {
  return new ValidationFailedError(
    [{ field, messages: [message] }],
    `Validation failed: ${field} (${message})`,
  );
}

/**
 * The input is well-formed but contradicts stored data (an unknown referenced id, a parent at the wrong
 * level): 422, with the same `details.fields` shape as a validation error so forms can show it by the field.
 */
export class UnprocessableFieldError extends AppError {
  constructor(field: string, message: string) {
    super('UNPROCESSABLE', message, { fields: [{ field, messages: [message] }] });
  }
}

export function unknownReference(
  field: string,
  entity: string,
  ids: readonly number[],
): UnprocessableFieldError {
  const list = ids.join(', ');
  return new UnprocessableFieldError(field, `${entity} ${list} ${ids.length > 1 ? 'do' : 'does'} not exist`);
}
