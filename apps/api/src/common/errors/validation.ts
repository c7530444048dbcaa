import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { findNul, NUL_MESSAGE } from '../validation/hostile-input';
import { ValidationFailedError, type FieldError } from './app-error';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Refuses a NUL character in any argument (PostgreSQL refuses it in text): the JSON parser already refuses
 * it in bodies and the URL check in paths and queries; this catches what neither sees (GraphQL literals such
 * as `search: "a\u0000b"`, multipart form fields).
 */
class HardenedValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const path = findNul(value);
      if (path !== undefined) {
        const field = metadata.data ? (path === 'value' ? metadata.data : `${metadata.data}.${path}`) : path;
        throw new ValidationFailedError(
          [{ field, messages: [NUL_MESSAGE] }],
          `Validation failed: ${field} (${NUL_MESSAGE})`,
        );
      }
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** One global pipe: unknown fields are errors, types are converted, every bad field is named. */
export function createValidationPipe(): ValidationPipe {
  return new HardenedValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ValidationFailedError(
        fields,
        `Validation failed: ${fields.map((f) => `${f.field} (${f.messages.join('; ')})`).join(', ')}`,
      );
    },
  });
}
