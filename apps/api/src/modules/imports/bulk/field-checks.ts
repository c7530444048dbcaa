import type { ImportRowError } from '../import-job.entity';

/** Errors found while reading one row are pushed here; the driver flushes them in batches. */
export type RowErrors = ImportRowError[];

const MAX_VALUE_IN_REPORT = 100;

export function rowError(
  line: number,
  field: string | null,
  value: string | null,
  reason: string,
): ImportRowError {
  return {
    line,
    field,
    value:
      value === null
        ? null
        : value.length > MAX_VALUE_IN_REPORT
          ? `${value.slice(0, MAX_VALUE_IN_REPORT)}…`
          : value,
    reason,
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/**
 * Checks that a `YYYY-MM-DD` string is a real calendar date. Order-line files repeat a few thousand dates
 * millions of times, so answers are cached.
 */
export class DateChecker {
  private readonly cache = new Map<string, string | null>();

  /** Null when the date is real, else the reason. */
  check(value: string): string | null {
    let reason = this.cache.get(value);
    if (reason === undefined) {
      reason = dateProblem(value);
      if (this.cache.size < 100_000) this.cache.set(value, reason);
    }
    return reason;
  }
}

function dateProblem(value: string): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return 'must be a date YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return `year must be between ${MIN_YEAR} and ${MAX_YEAR}`;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'is not a real calendar date';
  return null;
}

/** Non-negative money with at most two decimals that fits NUMERIC(12,2). */
const AMOUNT = /^(0|[1-9]\d{0,9})(\.\d{1,2})?$/;
const NUMBER_LIKE = /^-?\d+(\.\d+)?$/;

export function amountProblem(value: string): string | null {
  if (AMOUNT.test(value)) return null;
  if (!NUMBER_LIKE.test(value)) return 'must be a number with at most 2 decimals';
  if (value.startsWith('-')) return 'must be 0 or more';
  if (value.includes('.') && value.split('.')[1].length > 2) return 'must have at most 2 decimals';
  return 'is too large';
}

const POSITIVE_INT = /^[1-9]\d{0,8}$/;

/** A positive integer below 10^9 (fits INT). */
export function positiveIntegerProblem(value: string): string | null {
  if (POSITIVE_INT.test(value)) return null;
  if (/^-?\d+$/.test(value)) return /^-|^0+$/.test(value) ? 'must be a positive integer' : 'is too large';
  return 'must be a positive integer';
}

/** An integer within [min, max]; null when fine. */
export function integerInRangeProblem(value: string, min: number, max: number): string | null {
  if (!/^-?\d{1,6}$/.test(value)) return 'must be an integer';
  const n = Number(value);
  return n < min || n > max ? `must be between ${min} and ${max}` : null;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A value in PostgreSQL's COPY text format; null is `\N`. */
export function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}
