/**
 * Coherent forecasts for the retailer × brand hierarchy. The bottom level is retailer × brand (each
 * retailer belongs to one district); the aggregates published are retailer totals, brand × district,
 * brand totals and the company total. All are sums of bottom series, so the structure is a grouped
 * hierarchy with two crossing paths (retailer → district, brand).
 *
 * - `bottom-up` (default): aggregates are sums of the bottom forecasts. Coherent by construction, keeps
 *   each shop's own pattern, needs no other forecasts, and scales to millions of series in one pass. Its
 *   weakness, noisy aggregates from noisy shops, is small here because the default forecaster already
 *   pools across methods and because intermittent shops forecast a smooth rate.
 * - `top-down`: given independent forecasts of brand totals (or of brand × district), the bottom
 *   forecasts of each brand (within each district) are scaled proportionally so they add up to them,
 *   then re-aggregated bottom-up. This is the diagonal-covariance (WLS with variances proportional to the
 *   forecasts) adjustment restricted to one level, useful when the brand-level model is more accurate
 *   (e.g. it sees a campaign) and the allocation must respect its total.
 *
 * Interval bounds of aggregates assume independent bottom errors: the half-width of a sum is the square
 * root of the sum of squared half-widths (upper and lower sides separately), with the lower bound floored
 * at 0. This is narrower than the sum of the bounds and approximately right for shops whose errors are not
 * strongly correlated; a common shock (a price change) makes it too narrow.
 */
export interface BottomForecast {
  retailer: string;
  brand: string;
  district: string;
  mean: ArrayLike<number>;
  lo80?: ArrayLike<number>;
  hi80?: ArrayLike<number>;
  lo95?: ArrayLike<number>;
  hi95?: ArrayLike<number>;
}

export interface AggregateForecast {
  mean: Float64Array;
  lo80: Float64Array;
  hi80: Float64Array;
  lo95: Float64Array;
  hi95: Float64Array;
}

export interface ReconciledForecasts {
  /** The bottom forecasts after reconciliation (only changed by `top-down`). */
  bottom: BottomForecast[];
  retailer: Map<string, AggregateForecast>;
  brandDistrict: Map<string, AggregateForecast>;
  brand: Map<string, AggregateForecast>;
  total: AggregateForecast;
}

export interface ReconcileOptions {
  method?: 'bottom-up' | 'top-down';
  /** For `top-down`: forecasts of brand totals keyed by brand. */
  brandTotals?: Map<string, ArrayLike<number>>;
  /** For `top-down`: forecasts of brand × district totals keyed by `brandDistrictKey(brand, district)`. */
  brandDistrictTotals?: Map<string, ArrayLike<number>>;
}

export function brandDistrictKey(brand: string, district: string): string {
  return `${brand}\u0000${district}`;
}

interface Acc {
  mean: Float64Array;
  lo80: Float64Array;
  hi80: Float64Array;
  lo95: Float64Array;
  hi95: Float64Array;
}

function newAcc(H: number): Acc {
  return {
    mean: new Float64Array(H),
    lo80: new Float64Array(H),
    hi80: new Float64Array(H),
    lo95: new Float64Array(H),
    hi95: new Float64Array(H),
  };
}

function add(acc: Acc, f: BottomForecast): void {
  const H = acc.mean.length;
  for (let h = 0; h < H; h++) {
    const m = f.mean[h];
    acc.mean[h] += m;
    if (f.lo80) acc.lo80[h] += (m - f.lo80[h]) ** 2;
    if (f.hi80) acc.hi80[h] += (f.hi80[h] - m) ** 2;
    if (f.lo95) acc.lo95[h] += (m - f.lo95[h]) ** 2;
    if (f.hi95) acc.hi95[h] += (f.hi95[h] - m) ** 2;
  }
}

function finish(acc: Acc): AggregateForecast {
  const H = acc.mean.length;
  for (let h = 0; h < H; h++) {
    const m = acc.mean[h];
    acc.lo80[h] = Math.max(0, m - Math.sqrt(acc.lo80[h]));
    acc.hi80[h] = m + Math.sqrt(acc.hi80[h]);
    acc.lo95[h] = Math.max(0, m - Math.sqrt(acc.lo95[h]));
    acc.hi95[h] = m + Math.sqrt(acc.hi95[h]);
  }
  return acc;
}

function scaleBottom(f: BottomForecast, k: Float64Array): BottomForecast {
  const sc = (a: ArrayLike<number> | undefined) => (a ? Float64Array.from(a, (v, h) => v * k[h]) : undefined);
  return {
    ...f,
    mean: sc(f.mean) as Float64Array,
    lo80: sc(f.lo80),
    hi80: sc(f.hi80),
    lo95: sc(f.lo95),
    hi95: sc(f.hi95),
  };
}

function proportional(
  bottom: BottomForecast[],
  keyOf: (f: BottomForecast) => string,
  targets: Map<string, ArrayLike<number>>,
  H: number,
): BottomForecast[] {
  const sums = new Map<string, Float64Array>();
  const counts = new Map<string, number>();
  for (const f of bottom) {
    const key = keyOf(f);
    let s = sums.get(key);
    if (!s) sums.set(key, (s = new Float64Array(H)));
    for (let h = 0; h < H; h++) s[h] += f.mean[h];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const factors = new Map<string, Float64Array>();
  for (const [key, s] of sums) {
    const target = targets.get(key);
    if (!target) continue;
    // a zero bottom sum cannot be scaled: the target is spread evenly in that case
    factors.set(
      key,
      Float64Array.from(s, (v, h) => (v > 0 ? Math.max(0, target[h]) / v : NaN)),
    );
  }
  return bottom.map((f) => {
    const k = factors.get(keyOf(f));
    if (!k) return f;
    const key = keyOf(f);
    const even = (h: number) =>
      Math.max(0, (targets.get(key) as ArrayLike<number>)[h]) / (counts.get(key) as number);
    const scaled = scaleBottom(
      f,
      k.map((v) => (Number.isNaN(v) ? 0 : v)),
    );
    for (let h = 0; h < H; h++) if (Number.isNaN(k[h])) (scaled.mean as Float64Array)[h] = even(h);
    return scaled;
  });
}

export function reconcile(
  bottomIn: readonly BottomForecast[],
  options: ReconcileOptions = {},
): ReconciledForecasts {
  const H = bottomIn.length ? bottomIn[0].mean.length : 0;
  let bottom = bottomIn.slice();
  for (const f of bottom)
    if (f.mean.length !== H) throw new RangeError(`all forecasts must have horizon ${H}`);
  if ((options.method ?? 'bottom-up') === 'top-down') {
    if (options.brandDistrictTotals)
      bottom = proportional(
        bottom,
        (f) => brandDistrictKey(f.brand, f.district),
        options.brandDistrictTotals,
        H,
      );
    if (options.brandTotals) bottom = proportional(bottom, (f) => f.brand, options.brandTotals, H);
  }
  const retailer = new Map<string, Acc>();
  const brandDistrict = new Map<string, Acc>();
  const brand = new Map<string, Acc>();
  const total = newAcc(H);
  const get = (map: Map<string, Acc>, key: string) => {
    let a = map.get(key);
    if (!a) map.set(key, (a = newAcc(H)));
    return a;
  };
  for (const f of bottom) {
    add(get(retailer, f.retailer), f);
    add(get(brandDistrict, brandDistrictKey(f.brand, f.district)), f);
    add(get(brand, f.brand), f);
    add(total, f);
  }
  const done = (map: Map<string, Acc>) => new Map([...map].map(([k, v]) => [k, finish(v)]));
  return {
    bottom,
    retailer: done(retailer),
    brandDistrict: done(brandDistrict),
    brand: done(brand),
    total: finish(total),
  };
}
