/** Small numeric and calendar helpers shared by the methods. No allocation in the hot helpers. */

export type NumArray = Float64Array | readonly number[];

export function toFloat64(values: NumArray): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}

/** Parses `YYYY-MM` into a month index (year * 12 + month - 1); returns NaN when malformed. */
export function parsePeriod(period: string): number {
  if (period.length !== 7 || period.charCodeAt(4) !== 45 /* - */) return NaN;
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return NaN;
  return year * 12 + month - 1;
}

export function formatPeriod(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

export function mean(y: Float64Array, from = 0, to = y.length): number {
  if (to <= from) return 0;
  let s = 0;
  for (let i = from; i < to; i++) s += y[i];
  return s / (to - from);
}

export function sum(y: Float64Array, from = 0, to = y.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += y[i];
  return s;
}

/** Ordinary least squares of y[from..to) on t = 0, 1, ...; returns [intercept, slope]. */
export function linearTrend(y: Float64Array, from = 0, to = y.length): [number, number] {
  const n = to - from;
  if (n <= 0) return [0, 0];
  if (n === 1) return [y[from], 0];
  const tMean = (n - 1) / 2;
  let yMean = 0;
  for (let i = from; i < to; i++) yMean += y[i];
  yMean /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dt = i - tMean;
    sxy += dt * (y[from + i] - yMean);
    sxx += dt * dt;
  }
  const slope = sxy / sxx;
  return [yMean - slope * tMean, slope];
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9 after one Newton step). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  let q: number;
  if (p < pLow) {
    q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - pLow) {
    q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Deterministic pseudo-random generator (mulberry32) for simulations in tests and benchmarks. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw (Box–Muller) from a uniform generator. */
export function gaussian(u: () => number): number {
  const u1 = Math.max(u(), 1e-300);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u());
}
