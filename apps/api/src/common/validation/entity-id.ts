import { applyDecorators, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { IsInt, Max, Min, type ValidationOptions } from 'class-validator';
import { ValidationFailedError } from '../errors/app-error';

/**
 * The largest id (and version) a PostgreSQL `integer` column holds: 2³¹−1. A larger number passes `@IsInt()`
 * and makes the database refuse the query, which would be a 500; every id is bounded here instead.
 */
export const MAX_ENTITY_ID = 2_147_483_647;

const message = (each?: boolean) =>
  `$property must ${each ? 'be a list of whole numbers' : 'be a whole number'} from 1 to ${MAX_ENTITY_ID}`;

/**
 * A record id (or a row version) in a DTO: a whole number from 1 to 2³¹−1. `{ each: true }` for a list of
 * ids. Converting a query string to a number stays the field's own `@Type(() => Number)`.
 */
export function IsEntityId(options: Pick<ValidationOptions, 'each'> = {}): PropertyDecorator {
  const validation = { each: options.each, message: message(options.each) };
  return applyDecorators(IsInt(validation), Min(1, validation), Max(MAX_ENTITY_ID, validation));
}

/** Whether `value` is a well-formed id: a whole number from 1 to 2³¹−1. */
export function isEntityId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ENTITY_ID;
}

/**
 * A record id in a route parameter: decimal digits only, from 1 to 2³¹−1, else 400 naming the parameter.
 * A well-formed id that does not exist is the service's 404.
 */
@Injectable()
export class ParseEntityIdPipe implements PipeTransform<string | number, number> {
  transform(value: string | number, metadata: ArgumentMetadata): number {
    const text = String(value);
    const id = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
    if (isEntityId(id)) return id;
    const field = metadata.data ?? 'id';
    throw new ValidationFailedError(
      [{ field, messages: [`${field} must be a whole number from 1 to ${MAX_ENTITY_ID}`] }],
      `Validation failed: ${field} (${field} must be a whole number from 1 to ${MAX_ENTITY_ID})`,
    );
  }
}
