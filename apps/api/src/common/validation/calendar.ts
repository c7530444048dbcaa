import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { ValidationFailedError } from '../errors/app-error';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
/** A date, optionally with a time of day and an offset: the ISO 8601 forms the API accepts as instants. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function realDate(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  return Number(year) >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(Number(year), m);
}

/** A real calendar date `YYYY-MM-DD` (no 2024-02-30, no 2023-02-29). */
export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  return Boolean(match && realDate(match[1], match[2], match[3]));
}

/** A real calendar month `YYYY-MM` (no 2024-13, no 2024-00). */
export function isCalendarMonth(value: unknown): value is string {
  const match = typeof value === 'string' ? MONTH.exec(value) : null;
  return Boolean(match && Number(match[1]) >= 1 && Number(match[2]) >= 1 && Number(match[2]) <= 12);
}

/** A real calendar date, optionally with a real time of day and offset (`2024-02-29T23:59:59+08:00`). */
export function isCalendarDateTime(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match || !realDate(match[1], match[2], match[3])) return false;
  const [hours, minutes, seconds, offsetHours, offsetMinutes] = match
    .slice(4)
    .map((part) => Number(part ?? 0));
  return hours <= 23 && minutes <= 59 && seconds <= 59 && offsetHours <= 23 && offsetMinutes <= 59;
}

function calendarDecorator(
  name: string,
  test: (value: unknown) => boolean,
  form: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be a real calendar ${form}`, ...options },
      validator: { validate: (value: unknown) => test(value) },
    });
}

/** A DTO field holding a real calendar date `YYYY-MM-DD`. */
export const IsCalendarDate = (options?: ValidationOptions) =>
  calendarDecorator('isCalendarDate', isCalendarDate, 'date YYYY-MM-DD', options);
/** A DTO field holding a real calendar month `YYYY-MM`. */
export const IsCalendarMonth = (options?: ValidationOptions) =>
  calendarDecorator('isCalendarMonth', isCalendarMonth, 'month YYYY-MM', options);
/** A DTO field holding a real calendar date or date-time (ISO 8601). */
export const IsCalendarDateTime = (options?: ValidationOptions) =>
  calendarDecorator('isCalendarDateTime', isCalendarDateTime, 'date or date-time (ISO 8601)', options);

/** An optional month in a plain GraphQL argument or query parameter: absent, or a real `YYYY-MM`. */
@Injectable()
export class ParseOptionalMonthPipe implements PipeTransform<unknown, string | undefined> {
  transform(value: unknown, metadata: ArgumentMetadata): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (isCalendarMonth(value)) return value;
    const field = metadata.data ?? 'month';
    throw new ValidationFailedError(
      [{ field, messages: [`${field} must be a real calendar month YYYY-MM`] }],
      `Validation failed: ${field} (${field} must be a real calendar month YYYY-MM)`,
    );
  }
}
