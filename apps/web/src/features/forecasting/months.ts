/** Calendar months as `YYYY-MM` keys (pure). */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

export function addMonths(month: string, count: number): string {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` up to `to` inclusive (empty when `to` is before `from`). */
export function monthsBetween(from: string, to: string): number {
  const a = MONTH.exec(from);
  const b = MONTH.exec(to);
  if (!a || !b) return Number.NaN;
  return Number(b[1]) * 12 + Number(b[2]) - (Number(a[1]) * 12 + Number(a[2]));
}
