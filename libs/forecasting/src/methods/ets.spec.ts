import { gaussian, rng } from '../util';
import { etsAuto, etsForecast, fitEtsModel } from './ets';
import { optimisedTheta, theta } from './theta';

const ctx = (H: number) => ({ m: 12, H, wantBack: true });

describe('ETS', () => {
  it('should recover a strong seasonal multiplicative series', () => {
    const u = rng(5);
    const y = Float64Array.from(
      { length: 72 },
      (_, t) =>
        100 * (1 + 0.01 * t) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12)) * (1 + 0.02 * gaussian(u)),
    );
    const f = etsAuto(y, ctx(12));
    expect(f?.label).toMatch(/ets\(.,.+,[AM]\)/);
    const truth = Array.from(
      { length: 12 },
      (_, h) => 100 * (1 + 0.01 * (72 + h)) * (1 + 0.3 * Math.sin((2 * Math.PI * (72 + h)) / 12)),
    );
    for (let h = 0; h < 12; h++) expect(Math.abs((f?.mean[h] ?? 0) - truth[h]) / truth[h]).toBeLessThan(0.08);
  });

  it('should choose a model without trend and season for white noise', () => {
    const u = rng(9);
    const y = Float64Array.from({ length: 48 }, () => 50 + 5 * gaussian(u));
    expect(etsAuto(y, ctx(6))?.label).toMatch(/ets\(.,N,N\)/);
  });

  it('should reproduce simple exponential smoothing for ETS(A,N,N)', () => {
    const y = Float64Array.from([10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17, 16]);
    const fit = fitEtsModel(y, 12, { error: 'A', trend: 'N', season: 'N' });
    expect(fit).not.toBeNull();
    if (!fit) return;
    let l = fit.init.l0;
    for (const v of y) l += fit.params.alpha * (v - l);
    expect(etsForecast(y, fit, ctx(3)).mean[2]).toBeCloseTo(l, 10);
  });
});

describe('Theta', () => {
  it('should equal SES with drift b/2 on a non-seasonal series', () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => 20 + 2 * t + (t % 3));
    const f = theta(y, ctx(3));
    // a straight-ish line: forecasts keep rising by about half the slope per step plus SES catching up
    expect(f.mean[1] - f.mean[0]).toBeCloseTo(1, 1);
    expect(f.mean[0]).toBeGreaterThan(y[29] - 2);
  });

  it('should follow a linear trend at least as closely with optimised Theta as with the classic one', () => {
    const y = Float64Array.from({ length: 40 }, (_, t) => 100 + 3 * t);
    const a = theta(y, ctx(6)).mean;
    const b = optimisedTheta(y, ctx(6)).mean;
    const truth = 100 + 3 * 45;
    expect(Math.abs(b[5] - truth)).toBeLessThanOrEqual(Math.abs(a[5] - truth) + 1e-9);
    expect(Math.abs(b[5] - truth) / truth).toBeLessThan(0.03);
  });
});
