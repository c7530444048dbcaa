import { springFestivalDate } from '@tms/calendar';
import { estimateFestivalProfile, FESTIVAL_BINS, monthlyFestivalFactors } from './festival-profile';

const DAY_MS = 86_400_000;
const dayOf = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/** Bin factors from −6 to +6 weeks around New Year: a peak in the last fortnight, a slump after it. */
const TRUE_FACTORS = [1.1, 1.1, 1.2, 1.5, 2.4, 2.2, 0.2, 0.5, 0.8, 0.9, 1, 1, 1];

/** Orders on Mondays only (so every 7-day bin holds one order day), × the festival's factor. */
function dailySales(from: string, to: string, factors = TRUE_FACTORS) {
  const first = dayOf(from);
  const values = new Float64Array(dayOf(to) - first + 1);
  for (let i = 0; i < values.length; i++) {
    const day = first + i;
    if (new Date(day * DAY_MS).getUTCDay() !== 1) continue;
    let factor = 1;
    const year = new Date(day * DAY_MS).getUTCFullYear();
    for (const festivalYear of [year, year + 1]) {
      const bin = Math.floor((day - dayOf(springFestivalDate(festivalYear))) / 7) - FESTIVAL_BINS.first;
      if (bin >= 0 && bin < factors.length) factor = factors[bin];
    }
    values[i] = 700 * factor;
  }
  return { firstDay: from, values };
}

describe('estimateFestivalProfile', () => {
  it('should recover the weekly profile from every festival wholly inside the daily sales', () => {
    const profile = estimateFestivalProfile(dailySales('2022-11-01', '2025-10-31'))!;
    // New Year 2023-01-22, 2024-02-10 and 2025-01-29, each with 11 weeks either side inside the data
    expect(profile.years).toEqual([2023, 2024, 2025]);
    expect(profile.firstBin).toBe(FESTIVAL_BINS.first);
    profile.factors.forEach((factor, k) => expect(factor).toBeCloseTo(TRUE_FACTORS[k], 10));
  });

  it('should skip a festival whose window is cut by the start or end of the data', () => {
    // starts 2023-01-01: the 2023 festival's baseline (from 2022-11-06) is missing
    expect(estimateFestivalProfile(dailySales('2023-01-01', '2024-05-31'))!.years).toEqual([2024]);
    expect(estimateFestivalProfile(dailySales('2023-03-01', '2024-03-31'))).toBeNull();
  });

  it('should give no profile when a festival has no sales around it', () => {
    expect(estimateFestivalProfile({ firstDay: '2023-06-01', values: new Float64Array(400) })).toBeNull();
  });

  it('should not learn from dates that are not days of selling, such as monthly totals dated the 1st', () => {
    const first = dayOf('2022-11-01');
    const values = new Float64Array(dayOf('2025-10-31') - first + 1);
    for (let i = 0; i < values.length; i++)
      if (new Date((first + i) * DAY_MS).getUTCDate() === 1) values[i] = 3000;
    expect(estimateFestivalProfile({ firstDay: '2022-11-01', values })).toBeNull();
  });

  it('should refuse a malformed first day', () => {
    expect(() => estimateFestivalProfile({ firstDay: '2023-6-1', values: [1] })).toThrow(RangeError);
  });
});

describe('monthlyFestivalFactors', () => {
  // only the week before New Year moves: twice the usual sales
  const profile = { firstBin: -1, factors: [2], years: [2025] };

  it('should put the festival into the month its days fall in', () => {
    // New Year 2026-02-17: the week before it is 10–16 February
    const factors = monthlyFestivalFactors(profile, '2026-01', 3);
    expect(Array.from(factors)).toEqual([1, (21 + 2 * 7) / 28, 1]);
    // New Year 2025-01-29: 22–28 January
    expect(monthlyFestivalFactors(profile, '2025-01', 1)[0]).toBeCloseTo((24 + 2 * 7) / 31, 12);
  });

  it("should reach back into December for next year's festival", () => {
    // New Year 2023-01-22: six weeks before it start on 11 December 2022
    const early = { firstBin: -6, factors: [3], years: [2024] };
    expect(monthlyFestivalFactors(early, '2022-12', 1)[0]).toBeCloseTo((24 + 3 * 7) / 31, 12);
    expect(springFestivalDate(2023)).toBe('2023-01-22');
  });

  it('should be 1 where no festival is near', () => {
    expect(Array.from(monthlyFestivalFactors(profile, '2026-05', 6))).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
