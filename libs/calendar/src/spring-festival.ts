import { Lunar } from 'lunar-javascript';

/** Supported range: lunar-javascript's tables cover far more, the product promises 1900–2100. */
export const FIRST_SUPPORTED_YEAR = 1900;
export const LAST_SUPPORTED_YEAR = 2100;

const cache = new Map<number, string>();

/** Gregorian date (`YYYY-MM-DD`) of Chinese New Year (lunar 1/1) in the given Gregorian year. */
export function springFestivalDate(year: number): string {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`year must be an integer in ${FIRST_SUPPORTED_YEAR}..${LAST_SUPPORTED_YEAR}`);
  }
  let date = cache.get(year);
  if (!date) {
    date = Lunar.fromYmd(year, 1, 1).getSolar().toYmd();
    cache.set(year, date);
  }
  return date;
}

/**
 * The holiday-driven buying window around Chinese New Year: retail purchasing of cigarettes peaks in the
 * weeks before the festival (gifts, banquets) and drops right after it. Defaults: 28 days before to 7 after.
 */
export interface HolidayWindow {
  daysBefore: number;
  daysAfter: number;
}

export const DEFAULT_SPRING_FESTIVAL_WINDOW: HolidayWindow = { daysBefore: 28, daysAfter: 7 };

const DAY_MS = 86_400_000;

function utcDay(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/**
 * Share (0..1) of the Spring Festival window that falls in the given month (`month` 1–12). Summed over
 * the months of the window it is 1, so it works as a regressor that moves the Jan/Feb peak to the right
 * month each year.
 */
export function springFestivalShare(
  year: number,
  month: number,
  window: HolidayWindow = DEFAULT_SPRING_FESTIVAL_WINDOW,
): number {
  const monthStart = Date.UTC(year, month - 1, 1) / DAY_MS;
  const monthEnd = Date.UTC(year, month, 1) / DAY_MS;
  let total = 0;
  // The window of this year's festival can reach back into December of the previous year only when the
  // festival is very early, and next year's window never reaches into this year's months other than December.
  for (const festivalYear of [year, year + 1]) {
    if (festivalYear > LAST_SUPPORTED_YEAR) continue;
    const festival = utcDay(springFestivalDate(festivalYear));
    const start = festival - window.daysBefore;
    const end = festival + window.daysAfter + 1;
    const overlap = Math.max(0, Math.min(end, monthEnd) - Math.max(start, monthStart));
    total += overlap / (window.daysBefore + window.daysAfter + 1);
  }
  return total;
}
