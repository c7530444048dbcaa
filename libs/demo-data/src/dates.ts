/** Dates as whole UTC days since 1970-01-01 (day 0 was a Thursday): cheap to compare and to step. */

const DAY_MS = 86_400_000;

export function dayOf(isoDate: string): number {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday on or before `day`. */
export function mondayOf(day: number): number {
  return day - isoWeekday(day) + 1;
}

/** ISO-8601 week number (1–53) of the week containing `day`. */
export function isoWeekNumber(day: number): number {
  const thursday = mondayOf(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  return Math.floor((thursday - jan1) / 7) + 1;
}

/** `YYYY-MM` → { year, month } with validation. */
export function parseMonth(value: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw new RangeError(`month must be YYYY-MM, got '${value}'`);
  return { year: Number(match[1]), month };
}

/** Adds `delta` months to a `YYYY-MM` month. */
export function addMonths(value: string, delta: number): string {
  const { year, month } = parseMonth(value);
  const index = year * 12 + (month - 1) + delta;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

export function firstDayOfMonth(value: string): number {
  const { year, month } = parseMonth(value);
  return Date.UTC(year, month - 1, 1) / DAY_MS;
}

export function lastDayOfMonth(value: string): number {
  const { year, month } = parseMonth(value);
  return Date.UTC(year, month, 1) / DAY_MS - 1;
}

/** The history window: `months` whole months ending with `endMonth` (inclusive). */
export interface HistoryWindow {
  startMonth: string;
  endMonth: string;
  months: number;
  /** First and last day of the window, inclusive. */
  startDay: number;
  endDay: number;
}

export function historyWindow(endMonth: string, months: number): HistoryWindow {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a positive integer`);
  const startMonth = addMonths(endMonth, -(months - 1));
  return {
    startMonth,
    endMonth,
    months,
    startDay: firstDayOfMonth(startMonth),
    endDay: lastDayOfMonth(endMonth),
  };
}
