import { springFestivalDate, springFestivalShare } from './spring-festival';

// Published dates of Chinese New Year (Hong Kong Observatory / Purple Mountain Observatory tables).
const KNOWN_DATES: Record<number, string> = {
  2000: '2000-02-05',
  2001: '2001-01-24',
  2004: '2004-01-22',
  2008: '2008-02-07',
  2010: '2010-02-14',
  2015: '2015-02-19',
  2018: '2018-02-16',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2030: '2030-02-03',
  2033: '2033-01-31',
  2040: '2040-02-12',
  2050: '2050-01-23',
};

describe('springFestivalDate', () => {
  it.each(Object.entries(KNOWN_DATES))('should give the published date for %s', (year, date) => {
    expect(springFestivalDate(Number(year))).toBe(date);
  });

  it('should always fall between 21 January and 20 February', () => {
    for (let year = 2000; year <= 2050; year++) {
      const date = springFestivalDate(year);
      expect(date >= `${year}-01-21` && date <= `${year}-02-20`).toBe(true);
    }
  });

  it('should reject a year outside the supported range', () => {
    expect(() => springFestivalDate(1800)).toThrow(RangeError);
    expect(() => springFestivalDate(2024.5)).toThrow(RangeError);
  });
});

describe('springFestivalShare', () => {
  it('should sum to one over the months of a year whose window lies inside it', () => {
    let sum = 0;
    for (let month = 1; month <= 12; month++) sum += springFestivalShare(2027, month);
    // 2027's window (New Year 6 Feb) lies in Jan/Feb 2027; December 2027 carries part of 2028's (26 Jan).
    const december = springFestivalShare(2027, 12);
    expect(sum - december).toBeCloseTo(1, 10);
    expect(december).toBeGreaterThan(0);
  });

  it('should put most of the window in January when the festival is early and in February when late', () => {
    expect(springFestivalShare(2023, 1)).toBeGreaterThan(springFestivalShare(2023, 2)); // 22 Jan
    expect(springFestivalShare(2026, 2)).toBeGreaterThan(springFestivalShare(2026, 1)); // 17 Feb
  });

  it('should be zero in summer', () => {
    expect(springFestivalShare(2024, 7)).toBe(0);
  });
});
