import { estimatePooledSeasonality, forecast } from './forecast';

const PATTERN = [0.8, 0.9, 1.0, 1.0, 1.1, 1.2, 1.3, 1.2, 1.0, 0.9, 0.8, 0.8];

function seasonal(level: number, months: number, startMonth = 0): number[] {
  return Array.from({ length: months }, (_, t) => level * PATTERN[(startMonth + t) % 12]);
}

describe('estimatePooledSeasonality', () => {
  it('should recover the common seasonal pattern from many series', () => {
    const series = [10, 20, 5].map((level) => ({ values: seasonal(level, 36), start: '2023-01' }));
    const indices = estimatePooledSeasonality(series)!;
    const mean = PATTERN.reduce((a, b) => a + b, 0) / 12;
    PATTERN.forEach((value, month) => expect(indices[month]).toBeCloseTo(value / mean, 2));
  });

  it('should align series that start in different months', () => {
    const series = [
      { values: seasonal(10, 30, 3), start: '2023-04' },
      { values: seasonal(10, 36), start: '2023-01' },
    ];
    const indices = estimatePooledSeasonality(series)!;
    expect(indices[6]).toBeGreaterThan(indices[0]);
  });

  it('should need two years of total', () => {
    expect(estimatePooledSeasonality([{ values: seasonal(10, 20), start: '2023-01' }])).toBeNull();
  });
});

describe('forecast with pooled seasonal indices', () => {
  it('should forecast the pooled pattern for a shop too short to show it by itself', () => {
    const mean = PATTERN.reduce((a, b) => a + b, 0) / 12;
    const indices = PATTERN.map((value) => value / mean);
    const shop = { values: seasonal(6, 15, 0), start: '2025-01' };
    const result = forecast(shop, { horizon: 3, holidays: 'none', seasonalIndices: indices });
    // Forecast months April–June 2026: the pattern rises, and so must the forecast.
    expect(result.mean[2]).toBeGreaterThan(result.mean[0]);
    expect(result.mean[2] / result.mean[0]).toBeCloseTo(PATTERN[5] / PATTERN[3], 1);
  });

  it('should forecast a launch from its recent level on the pooled season, leaving out its partial first month', () => {
    const indices = [1, 1, 1, 1, 1, 1, 1, 0.5, 1.5, 1, 1, 1];
    // launched part-way through March; April–July (index 1) at 10, 12, 14, 16 cartons as it takes off
    const launch = { values: [2, 10, 12, 14, 16], start: '2026-03' };
    const result = forecast(launch, { horizon: 3, holidays: 'none', seasonalIndices: indices });
    expect(result.method).toBe('profile');
    expect(Array.from(result.mean)).toEqual([7, 21, 14]); // level (12 + 14 + 16) / 3 = 14 × Aug, Sep, Oct
  });

  it('should refuse indices that are not twelve', () => {
    expect(() =>
      forecast({ values: [1, 2, 3], start: '2025-01' }, { horizon: 1, seasonalIndices: [1, 1] }),
    ).toThrow(RangeError);
  });
});
