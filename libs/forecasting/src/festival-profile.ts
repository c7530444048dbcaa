import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, springFestivalDate } from '@tms/calendar';
import { formatPeriod, parsePeriod } from './util';

/**
 * The Spring Festival's shape, learnt from daily sales. Monthly regressors (`holidays.ts`) must assume a
 * shape (every day of a 28-day window weighs the same) and fit it on two or three festivals' months,
 * which says little when a shop system has two years of history. Daily totals say much more: each past
 * festival shows, week by week, how far sales rise before New Year and fall after it. Around each
 * festival in the history the profile is the ratio of every 7-day bin (bin k holds the days
 * [7k, 7k + 7) from New Year's day, so each bin holds each weekday once and order days do not alias) to
 * the mean of the baseline bins on both sides; the ratios are averaged over the festivals. A month's
 * festival factor is the mean of the factors of its days (1 outside the window), so sales divided by it
 * are festival-free, and a forecast multiplied by it has the festival in the right month whatever its
 * date.
 */
export interface FestivalProfile {
  /** Bin of `factors[0]` (weeks from New Year's day, negative before it). */
  firstBin: number;
  /** Sales of each bin relative to the baseline bins (1 = no festival effect). */
  factors: number[];
  /** Festival years the factors are averaged over. */
  years: number[];
}

export const FESTIVAL_BINS = { first: -6, last: 6 } as const;
/** Baseline bins: far enough from New Year to be free of it, near enough to share its season. */
const BASELINE_BINS = [-11, -10, -9, -8, 8, 9, 10, 11];
/**
 * Ordinary weeks of a whole market differ by a few per cent; when the baseline weeks differ by more than
 * this (coefficient of variation), the dates do not describe days of selling (e.g. lines imported with the
 * first of the month as their date) and the festival is not learnt from them.
 */
const MAX_BASELINE_VARIATION = 0.35;

export interface DailySeries {
  /** Day of `values[0]`, `YYYY-MM-DD`. */
  firstDay: string;
  /** Sales per day, without gaps (0 for a day without sales). */
  values: ArrayLike<number>;
}

const DAY_MS = 86_400_000;
const epochDay = (isoDate: string): number => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/**
 * Estimates the profile from every festival whose window and baseline lie wholly inside the daily
 * series and whose baseline weeks look like ordinary selling weeks; null when there is none.
 */
export function estimateFestivalProfile(daily: DailySeries): FestivalProfile | null {
  const first = epochDay(daily.firstDay);
  if (!Number.isFinite(first)) throw new RangeError(`firstDay must be YYYY-MM-DD, got ${daily.firstDay}`);
  const last = first + daily.values.length - 1;
  const lowBin = Math.min(FESTIVAL_BINS.first, ...BASELINE_BINS);
  const highBin = Math.max(FESTIVAL_BINS.last, ...BASELINE_BINS);
  const firstYear = Math.max(FIRST_SUPPORTED_YEAR, new Date(first * DAY_MS).getUTCFullYear());
  const lastYear = Math.min(LAST_SUPPORTED_YEAR, new Date(last * DAY_MS).getUTCFullYear() + 1);
  const binCount = FESTIVAL_BINS.last - FESTIVAL_BINS.first + 1;
  const sums = new Float64Array(binCount);
  const years: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const newYear = epochDay(springFestivalDate(year));
    if (newYear + 7 * lowBin < first || newYear + 7 * (highBin + 1) - 1 > last) continue;
    const binTotal = (bin: number) => {
      let total = 0;
      const from = newYear + 7 * bin - first;
      for (let d = from; d < from + 7; d++) total += daily.values[d];
      return total;
    };
    const weeks = BASELINE_BINS.map(binTotal);
    const baseline = weeks.reduce((sum, week) => sum + week, 0) / weeks.length;
    if (!(baseline > 0)) continue;
    const spread = Math.sqrt(weeks.reduce((sum, week) => sum + (week - baseline) ** 2, 0) / weeks.length);
    if (spread / baseline > MAX_BASELINE_VARIATION) continue;
    for (let k = 0; k < binCount; k++) sums[k] += binTotal(FESTIVAL_BINS.first + k) / baseline;
    years.push(year);
  }
  if (years.length === 0) return null;
  return {
    firstBin: FESTIVAL_BINS.first,
    factors: Array.from(sums, (sum) => sum / years.length),
    years,
  };
}

/**
 * Festival factor of each of `months` months from `start` (`YYYY-MM`): the mean over the month's days
 * of the profile's factor for the day (1 outside the festival window). Multiply a forecast by it; divide
 * history by it.
 */
export function monthlyFestivalFactors(
  profile: FestivalProfile,
  start: string,
  months: number,
): Float64Array {
  const startIndex = parsePeriod(start);
  if (Number.isNaN(startIndex)) throw new RangeError(`start must be YYYY-MM, got ${start}`);
  const out = new Float64Array(months);
  for (let t = 0; t < months; t++) {
    const period = formatPeriod(startIndex + t);
    const from = epochDay(`${period}-01`);
    const to = epochDay(`${formatPeriod(startIndex + t + 1)}-01`);
    const year = Number(period.slice(0, 4));
    let sum = 0;
    for (let day = from; day < to; day++) sum += factorOfDay(profile, day, year);
    out[t] = sum / (to - from);
  }
  return out;
}

function factorOfDay(profile: FestivalProfile, day: number, year: number): number {
  // a month's days can lie in the window of this year's festival or of next year's (a late-December day)
  for (const festivalYear of [year, year + 1]) {
    if (festivalYear < FIRST_SUPPORTED_YEAR || festivalYear > LAST_SUPPORTED_YEAR) continue;
    const bin = Math.floor((day - epochDay(springFestivalDate(festivalYear))) / 7) - profile.firstBin;
    if (bin >= 0 && bin < profile.factors.length) return profile.factors[bin];
  }
  return 1;
}
