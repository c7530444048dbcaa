import { springFestivalRegressor } from '../holidays';
import { parsePeriod } from '../util';
import { gaussian, rng } from '../util';

export interface SyntheticSeries {
  start: string;
  values: Float64Array;
  intermittent: boolean;
}

/**
 * Retailer × brand-like monthly series (cartons): a log-normal level across shops, a mild seasonal
 * pattern, a Spring Festival uplift on the share of the buying window in each month, a small trend and
 * Poisson-like noise; `intermittentShare` of them are small shops that buy the brand now and then.
 */
export function syntheticRetailSeries(
  count: number,
  length = 36,
  start = '2023-01',
  seed = 42,
  intermittentShare = 0.4,
): SyntheticSeries[] {
  const u = rng(seed);
  const s0 = parsePeriod(start);
  const x = springFestivalRegressor(s0, length) ?? new Float64Array(length);
  const out: SyntheticSeries[] = [];
  for (let i = 0; i < count; i++) {
    const intermittent = u() < intermittentShare;
    const values = new Float64Array(length);
    if (intermittent) {
      const p = 0.15 + 0.45 * u();
      const size = 1 + Math.floor(4 * u());
      for (let t = 0; t < length; t++) values[t] = u() < p ? Math.max(1, Math.round(size * (0.5 + u()))) : 0;
    } else {
      const level = Math.exp(2 + 1.5 * gaussian(u));
      const amp = 0.05 + 0.15 * u();
      const phase = 2 * Math.PI * u();
      const sf = 0.3 + 0.5 * u();
      const trend = 0.01 * gaussian(u);
      for (let t = 0; t < length; t++) {
        const mu =
          level *
          (1 + amp * Math.sin((2 * Math.PI * t) / 12 + phase)) *
          (1 + sf * x[t]) *
          Math.exp(trend * t);
        values[t] = Math.max(0, Math.round(mu + Math.sqrt(mu + 0.01 * mu * mu) * gaussian(u)));
      }
    }
    out.push({ start, values, intermittent });
  }
  return out;
}
