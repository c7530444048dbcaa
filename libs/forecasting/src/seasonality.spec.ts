import { acf, isSeasonal, seasonalIndices } from './seasonality';
import { springFestivalRegressor, estimateHolidayEffect } from './holidays';
import { parsePeriod } from './util';

describe('seasonality', () => {
  it('should compute the autocorrelation by hand', () => {
    // y = 1,2,3,4: mean 2.5, denominator 5; lag 1: (−1.5·−0.5 + −0.5·0.5 + 0.5·1.5) = 1.25
    expect(acf(Float64Array.from([1, 2, 3, 4]), 1)[1]).toBeCloseTo(0.25, 12);
  });

  it('should detect monthly seasonality and decompose it multiplicatively', () => {
    const pattern = [1, 0.8, 1.2, 1, 1, 1, 1.3, 1, 0.7, 1, 1, 1];
    const y = Float64Array.from({ length: 48 }, (_, t) => 100 * pattern[t % 12]);
    expect(isSeasonal(y, 12)).toBe(true);
    const idx = seasonalIndices(y, 12, 'multiplicative') as Float64Array;
    for (let j = 0; j < 12; j++) expect(idx[j]).toBeCloseTo(pattern[j], 10);
    expect(
      isSeasonal(
        Float64Array.from({ length: 48 }, (_, t) => t),
        12,
      ),
    ).toBe(false);
  });
});

describe('Spring Festival regressor', () => {
  it('should put most of the 2025 window (New Year 29 January) in January and 2026 (17 February) in February', () => {
    const x = springFestivalRegressor(parsePeriod('2025-01'), 14) as Float64Array;
    expect(x[0]).toBeCloseTo(31 / 36, 12);
    expect(x[1]).toBeCloseTo(5 / 36, 12);
    expect(x[12]).toBeCloseTo(12 / 36, 12);
    expect(x[13]).toBeCloseTo(24 / 36, 12);
  });

  it('should find no effect, or a negligible one, in a series without one', () => {
    const y = Float64Array.from({ length: 36 }, (_, t) => 100 + (t % 5));
    const x = springFestivalRegressor(parsePeriod('2023-01'), 36) as Float64Array;
    const beta = estimateHolidayEffect(y, x)?.beta ?? [0, 0];
    expect(Math.max(Math.abs(beta[0]), Math.abs(beta[1]))).toBeLessThan(0.03);
  });

  it('should not adjust intermittent series', () => {
    const y = Float64Array.from({ length: 36 }, (_, t) => (t % 12 === 0 ? 10 : t % 2 ? 1 : 0));
    const x = springFestivalRegressor(parsePeriod('2023-01'), 36) as Float64Array;
    expect(estimateHolidayEffect(y, x)).toBeNull();
  });
});
