/** How often a retailer orders: every week on its order day, or every other (odd or even ISO) week. */
export type OrderCycle = 'weekly' | 'fortnightly_odd' | 'fortnightly_even' | 'none';

const DAY_MS = 86_400_000;

function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1; // day 0 = 1970-01-01, a Thursday
}

function isoWeekNumber(day: number): number {
  const thursday = day - isoWeekday(day) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  return Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
}

/**
 * Number of order occasions in a month for a retailer ordering on `orderDay` (ISO weekday, 1 = Monday):
 * a weekly retailer orders four or five times a month, which moves its monthly sales by a quarter whatever
 * the demand. `none` (not visited) counts like weekly.
 */
export function orderOccasions(
  year: number,
  month: number,
  orderDay: number,
  cycle: OrderCycle = 'weekly',
): number {
  const first = Date.UTC(year, month - 1, 1) / DAY_MS;
  const next = Date.UTC(year, month, 1) / DAY_MS;
  let count = 0;
  for (let day = first; day < next; day++) {
    if (isoWeekday(day) !== orderDay) continue;
    if (cycle === 'fortnightly_odd' && isoWeekNumber(day) % 2 === 0) continue;
    if (cycle === 'fortnightly_even' && isoWeekNumber(day) % 2 === 1) continue;
    count++;
  }
  return count;
}
