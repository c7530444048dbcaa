import { forecast, forecastMany, METHODS, type MethodName } from './forecast';
import { springFestivalRegressors } from './holidays';
import { gaussian, parsePeriod, rng } from './util';

const pattern = [80, 70, 90, 100, 110, 120, 130, 125, 105, 95, 85, 150];

function seasonal(years: number): Float64Array {
  return Float64Array.from({ length: 12 * years }, (_, t) => pattern[t % 12]);
}

describe('forecast', () => {
  it('should forecast a pure seasonal series exactly with seasonal naive and nearly exactly by default', () => {
    const y = seasonal(4);
    const sn = forecast({ values: y, start: '2020-01' }, { horizon: 24, method: 'snaive', holidays: 'none' });
    expect(Array.from(sn.mean)).toEqual([...pattern, ...pattern]);
    const def = forecast({ values: y, start: '2020-01' }, { horizon: 24, holidays: 'none' });
    for (let h = 0; h < 24; h++)
      expect(Math.abs(def.mean[h] - pattern[h % 12]) / pattern[h % 12]).toBeLessThan(0.01);
  });

  // SBA is the exception by design: it deflates Croston by (1 − α/2) to remove its bias on intermittent data
  it.each(METHODS.filter((m) => m !== 'sba') as MethodName[])(
    'should keep a constant series constant (%s)',
    (method) => {
      const f = forecast({ values: new Float64Array(36).fill(7), start: '2023-01' }, { horizon: 12, method });
      for (let h = 0; h < 12; h++) expect(f.mean[h]).toBeCloseTo(7, 6);
    },
  );

  it('should widen the intervals with the horizon', () => {
    const u = rng(1);
    let level = 100;
    const y = Float64Array.from({ length: 60 }, () => (level += 3 * gaussian(u)));
    const f = forecast({ values: y, start: '2020-01' }, { horizon: 12, holidays: 'none' });
    for (let h = 1; h < 12; h++) {
      expect(f.hi95[h] - f.lo95[h]).toBeGreaterThanOrEqual(f.hi95[h - 1] - f.lo95[h - 1] - 1e-9);
      expect(f.hi80[h] - f.lo80[h]).toBeLessThanOrEqual(f.hi95[h] - f.lo95[h]);
    }
    expect(f.hi95[11] - f.lo95[11]).toBeGreaterThan(f.hi95[0] - f.lo95[0]);
  });

  it('should cover about the nominal share on simulated seasonal series', () => {
    const u = rng(7);
    let in80 = 0;
    let in95 = 0;
    let total = 0;
    for (let i = 0; i < 200; i++) {
      const n = 60;
      const H = 12;
      let level = 100;
      const all = new Float64Array(n + H);
      for (let t = 0; t < n + H; t++) {
        level += 2 * gaussian(u);
        all[t] = level * (1 + 0.2 * Math.sin((2 * Math.PI * t) / 12)) + 4 * gaussian(u);
      }
      const f = forecast({ values: all.subarray(0, n), start: '2015-01' }, { horizon: H, holidays: 'none' });
      for (let h = 0; h < H; h++) {
        const a = all[n + h];
        if (a >= f.lo80[h] && a <= f.hi80[h]) in80++;
        if (a >= f.lo95[h] && a <= f.hi95[h]) in95++;
        total++;
      }
    }
    expect(in80 / total).toBeGreaterThan(0.7);
    expect(in80 / total).toBeLessThan(0.9);
    expect(in95 / total).toBeGreaterThan(0.88);
    expect(in95 / total).toBeLessThan(0.99);
  });

  it('should never forecast below zero', () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => Math.max(0, 60 - 2 * t));
    for (const method of ['ensemble', 'ets', 'theta', 'naive2', 'auto'] as MethodName[]) {
      const f = forecast({ values: y, start: '2022-01' }, { horizon: 24, method });
      for (let h = 0; h < 24; h++) {
        expect(f.mean[h]).toBeGreaterThanOrEqual(0);
        expect(f.lo95[h]).toBeGreaterThanOrEqual(0);
        expect(f.lo80[h]).toBeGreaterThanOrEqual(f.lo95[h]);
      }
    }
  });

  it('should give finite, ordered bounds on awkward series with every method', () => {
    const u = rng(21);
    const shapes: ((t: number) => number)[] = [
      (t) => (t === 20 ? 1e6 : 3), // one spike
      (t) => (t % 7 === 0 ? 0 : 50 + t), // occasional zeros in a trend
      () => (u() < 0.1 ? 5 * u() : 0), // very sparse
      (t) => Math.max(0, 1000 - 40 * t + 30 * gaussian(u)), // dying brand
      (t) => 1e-3 * (1 + (t % 12)), // tiny values
      (t) => (t < 30 ? 0 : 8), // new listing after zeros
    ];
    for (const shape of shapes)
      for (const method of METHODS) {
        const y = Float64Array.from({ length: 40 }, (_, t) => shape(t));
        const f = forecast({ values: y, start: '2022-01' }, { horizon: 14, method });
        for (let h = 0; h < 14; h++) {
          const row = [f.lo95[h], f.lo80[h], f.mean[h], f.hi80[h], f.hi95[h]];
          for (const v of row) expect(Number.isFinite(v)).toBe(true);
          for (let i = 1; i < 5; i++) expect(row[i]).toBeGreaterThanOrEqual(row[i - 1]);
          expect(row[0]).toBeGreaterThanOrEqual(0);
        }
      }
  });

  it('should round to whole cartons with consistent intervals', () => {
    const u = rng(3);
    const y = Float64Array.from({ length: 36 }, () => 20 + 5 * u());
    const f = forecast({ values: y, start: '2023-01' }, { horizon: 6, wholeUnits: true });
    for (let h = 0; h < 6; h++) {
      for (const v of [f.mean[h], f.lo80[h], f.hi80[h], f.lo95[h], f.hi95[h]])
        expect(Number.isInteger(v)).toBe(true);
      expect(f.lo95[h]).toBeLessThanOrEqual(f.lo80[h]);
      expect(f.lo80[h]).toBeLessThanOrEqual(f.mean[h]);
      expect(f.mean[h]).toBeLessThanOrEqual(f.hi80[h]);
      expect(f.hi80[h]).toBeLessThanOrEqual(f.hi95[h]);
    }
  });

  it('should forecast zero for a withdrawn brand and name the first forecast month', () => {
    const f = forecast({ values: [5, 6, 7], start: '2026-09' }, { horizon: 2, withdrawn: true });
    expect(f.method).toBe('withdrawn');
    expect(f.start).toBe('2026-12');
    expect(Array.from(f.mean)).toEqual([0, 0]);
  });

  it('should scale the segment profile for a short history', () => {
    const profile = [10, 20, 10, 10, 10, 10, 10, 10, 10, 10, 10, 40];
    // sold 5 + 5 in Oct, Nov where the profile says 10 + 10 → half the profile
    const f = forecast({ values: [5, 5], start: '2026-10' }, { horizon: 3, profile });
    expect(f.method).toBe('profile');
    expect(Array.from(f.mean)).toEqual([20, 5, 10]);
    const none = forecast({ values: [4, 6], start: '2026-10' }, { horizon: 2 });
    expect(none.method).toBe('short');
    expect(Array.from(none.mean)).toEqual([5, 5]);
  });

  it('should treat intermittent series with intermittent methods by default', () => {
    const y = Float64Array.from({ length: 36 }, (_, t) => (t % 3 === 0 ? 3 : 0));
    const f = forecast({ values: y, start: '2023-01' }, { horizon: 3 });
    expect(f.model).toContain('imapa');
    expect(f.mean[0]).toBeGreaterThan(0.5);
    expect(f.mean[0]).toBeLessThan(1.5);
  });

  it('should reject a bad horizon, start or value', () => {
    expect(() => forecast({ values: [1], start: '2026-01' }, { horizon: 0 })).toThrow(RangeError);
    expect(() => forecast({ values: [1], start: '2026-13' }, { horizon: 1 })).toThrow(RangeError);
    expect(() => forecast({ values: [1, NaN], start: '2026-01' }, { horizon: 1 })).toThrow(RangeError);
  });

  it('should forecast many series in order', () => {
    const r = forecastMany(
      [
        { values: new Float64Array(24).fill(1), start: '2024-01' },
        { values: new Float64Array(24).fill(2), start: '2024-01' },
      ],
      { horizon: 1 },
    );
    expect(r.map((x) => Math.round(x.mean[0]))).toEqual([1, 2]);
  });

  describe('Spring Festival adjustment', () => {
    /**
     * Sales with a mild seasonal pattern, a peak in the 4 weeks before New Year (× `peak` for a month
     * holding all of them) and a slump in the 3 weeks after (× `slump`).
     */
    function cigaretteSales(start: string, months: number, seed: number, peak: number, slump: number) {
      const u = rng(seed);
      const x = springFestivalRegressors(parsePeriod(start), months) as Float64Array;
      const truth = Float64Array.from(
        { length: months },
        (_, t) =>
          200 *
          (1 + 0.05 * Math.cos((2 * Math.PI * t) / 12)) *
          Math.exp(Math.log(peak) * x[2 * t] + Math.log(slump) * x[2 * t + 1]),
      );
      return { truth, y: truth.map((v) => v * (1 + 0.03 * gaussian(u))) };
    }

    it('should put the peak in January when New Year is early (2025-01-29)', () => {
      const { y } = cigaretteSales('2022-01', 48, 11, 2.2, 1);
      const f = forecast({ values: y.subarray(0, 36), start: '2022-01' }, { horizon: 12 });
      expect(f.start).toBe('2025-01');
      expect(f.holidayEffect).not.toBeNull();
      expect(f.mean[0]).toBeGreaterThan(1.3 * f.mean[1]);
    });

    it('should put the peak in February when New Year is late (2026-02-17)', () => {
      const { y } = cigaretteSales('2023-01', 48, 12, 2.2, 1);
      const f = forecast({ values: y.subarray(0, 36), start: '2023-01' }, { horizon: 12 });
      expect(f.start).toBe('2026-01');
      expect(f.mean[1]).toBeGreaterThan(1.05 * f.mean[0]);
      // without the adjustment the peak cannot follow the calendar
      const plain = forecast(
        { values: y.subarray(0, 36), start: '2023-01' },
        { horizon: 12, holidays: 'none' },
      );
      expect(plain.holidayEffect).toBeNull();
      expect(plain.mean[1]).toBeLessThan(plain.mean[0]);
    });

    it('should follow both the peak and the slump after New Year', () => {
      const { y, truth } = cigaretteSales('2023-01', 48, 13, 2.2, 0.6);
      const f = forecast({ values: y.subarray(0, 36), start: '2023-01' }, { horizon: 12 });
      const plain = forecast(
        { values: y.subarray(0, 36), start: '2023-01' },
        { horizon: 12, holidays: 'none' },
      );
      let err = 0;
      let errPlain = 0;
      for (const h of [0, 1, 2]) {
        expect(Math.abs(f.mean[h] - truth[36 + h]) / truth[36 + h]).toBeLessThan(0.1);
        err += Math.abs(f.mean[h] - truth[36 + h]);
        errPlain += Math.abs(plain.mean[h] - truth[36 + h]);
      }
      expect(err).toBeLessThan(0.5 * errPlain);
    });

    it('should apply a given effect to a short history too', () => {
      const f = forecast(
        { values: [10, 10, 10, 10, 10, 10], start: '2025-07' },
        { horizon: 4, holidayEffect: [1, -0.5] },
      );
      expect(f.method).toBe('short');
      // 2026: New Year on 17 February, so the peak is shared by January and February, the slump by Feb and March
      expect(f.start).toBe('2026-01');
      expect(f.mean[0]).toBeGreaterThan(f.mean[3] * 1.3); // January vs April
      expect(f.mean[1]).toBeGreaterThan(f.mean[3]); // February
      expect(f.mean[2]).toBeLessThan(f.mean[3]); // March
    });

    it('should apply an effect pooled over many series (forecastMany)', () => {
      const series = Array.from({ length: 40 }, (_, i) => {
        const { y } = cigaretteSales('2023-01', 36, 100 + i, 2.2, 1);
        // small shops: Poisson-like counts around a tenth of the volume
        return { values: y.map((v) => Math.round(v / 20)), start: '2023-01' };
      });
      const pooled = forecastMany(series, { horizon: 2 });
      const beta = pooled[0].holidayEffect as [number, number];
      expect(beta[0]).toBeGreaterThan(0.4);
      expect(pooled.every((r) => r.holidayEffect?.[0] === beta[0])).toBe(true);
      expect(pooled[0].mean[1]).toBeGreaterThan(pooled[0].mean[0]);
    });
  });
});
