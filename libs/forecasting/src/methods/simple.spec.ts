import { naive, naive2, seasonalNaive, seeds } from './simple';

const ctx = (H: number, m = 12) => ({ m, H, wantBack: true });

describe('simple methods', () => {
  it('should repeat the last value (naive) and the last season (seasonal naive)', () => {
    const y = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(naive(y, ctx(3)).mean)).toEqual([8, 8, 8]);
    expect(Array.from(seasonalNaive(y, ctx(6, 4)).mean)).toEqual([5, 6, 7, 8, 5, 6]);
  });

  it('should give seasonal naive in-sample forecasts from each origin', () => {
    const y = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const f = seasonalNaive(y, ctx(2, 4));
    expect(f.backStart).toBe(4);
    // origin 5 (y[0..5) known): forecasts of y[5], y[6] are y[1], y[2]
    expect(Array.from((f.back as Float64Array).subarray(2, 4))).toEqual([2, 3]);
  });

  it('should be plain naive for Naive2 on a non-seasonal series', () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => 10 + (t % 2));
    expect(naive2(y, ctx(3)).mean[0]).toBe(y[39]);
  });

  it('should follow the documented seeds formula', () => {
    // two years: year 1 all 10, year 2 all 12 except month 0 = 24 → g = 156/120 = 1.3
    const y = new Float64Array(24).fill(10);
    for (let t = 12; t < 24; t++) y[t] = 12;
    y[12] = 24;
    const f = seeds(y, ctx(13));
    const level = 156 / 12;
    const s = [17, ...new Array(11).fill(11)]; // seasonal averages over the two years
    const avg = s.reduce((a, b) => a + b, 0) / 12;
    expect(f.mean[0]).toBeCloseTo(level * (17 / avg) * 1.3, 10);
    expect(f.mean[1]).toBeCloseTo(level * (11 / avg) * 1.3, 10);
    expect(f.mean[12]).toBeCloseTo(level * (17 / avg) * 1.3 * 1.3, 10);
  });
});
