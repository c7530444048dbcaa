import { springFestivalDate } from '@tms/calendar';
import { dayOf } from './dates';

/**
 * Seasonal multiplier of retail ordering on a given day: the Spring Festival peak on the real lunar date
 * (weeks before Chinese New Year up to about twice the usual volume, a dip in the holiday week and a slow
 * recovery), a pre-holiday lift before Mid-Autumn/National Day and the Golden Week dip, a mild summer lull
 * and a little year-end stocking.
 */
export interface SeasonProfile {
  /** [first day relative to Chinese New Year, last day (inclusive), multiplier], in order. */
  springFestival: ReadonlyArray<readonly [number, number, number]>;
  summer: number;
  nationalDayBefore: number;
  nationalDayWeek: number;
  yearEnd: number;
}

export const DEFAULT_SEASON_PROFILE: SeasonProfile = {
  springFestival: [
    [-35, -22, 1.1],
    [-21, -15, 1.5],
    [-14, -8, 2.4],
    [-7, -1, 2.2],
    [0, 6, 0.2],
    [7, 13, 0.5],
    [14, 27, 0.8],
    [28, 41, 0.95],
  ],
  summer: 0.95,
  nationalDayBefore: 1.1,
  nationalDayWeek: 0.55,
  yearEnd: 1.03,
};

/** Multiplier for one day (epoch days). */
export function seasonFactor(day: number, profile: SeasonProfile = DEFAULT_SEASON_PROFILE): number {
  const date = new Date(day * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const dom = date.getUTCDate();
  let factor = 1;
  if (month === 7 || month === 8) factor *= profile.summer;
  if (month === 9 && dom >= 10) factor *= profile.nationalDayBefore;
  if (month === 10 && dom <= 7) factor *= profile.nationalDayWeek;
  if (month === 12 && dom >= 10) factor *= profile.yearEnd;
  for (const festivalYear of [year, year + 1]) {
    const offset = day - dayOf(springFestivalDate(festivalYear));
    for (const [from, to, multiplier] of profile.springFestival) {
      if (offset >= from && offset <= to) return factor * multiplier;
    }
  }
  return factor;
}

/** Multipliers for the days `startDay … endDay` (inclusive). */
export function seasonTable(startDay: number, endDay: number, profile?: SeasonProfile): Float64Array {
  const table = new Float64Array(endDay - startDay + 1);
  for (let d = startDay; d <= endDay; d++) table[d - startDay] = seasonFactor(d, profile);
  return table;
}
