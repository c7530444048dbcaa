import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, springFestivalShare } from '@tms/calendar';

/**
 * Spring Festival (Chinese New Year) adjustment with two regressors built from the real festival dates
 * (`@tms/calendar`): x₁(t), the share of the 28 days before New Year that falls in month t (the buying
 * peak: gifts, banquets), and x₂(t), the share of New Year's day and the 20 days after it (the slump while
 * shops close and customers have stocked up). Each sums to 1 over its months every year, so a late New
 * Year moves the peak from January to February and the slump from February to March.
 *
 * The effects are estimated on seasonal log differences, which cancel the ordinary seasonal pattern and
 * the level: d(t) = log(y(t) + c) − log(y(t−12) + c) = a + β₁·Δx₁(t) + β₂·Δx₂(t) + noise, by OLS
 * (c = 25 % of the series mean keeps small counts from dominating). Used only when the series has
 * ≥ 25 months and at most 10 % zero months (not for intermittent demand; for those, pass an effect
 * estimated on an aggregate — see `forecastMany`'s pooling); a coefficient with |t| < 1 is dropped and
 * the others shrunk by t²/(t² + 1) (selecting on t inflates what passes) and capped at ±1.6. The series is
 * divided by exp(β·x(t)) (on the y + c scale) before fitting and the forecasts multiplied back for the
 * forecast months.
 */
export interface HolidayEffect {
  /** Coefficients of the pre-festival and post-festival shares (log scale). */
  beta: [number, number];
  /** Their standard errors (before shrinking). */
  se: [number, number];
  /** Offset c of the (y + c) scale; 0 for an effect applied to counts multiplicatively. */
  offset: number;
}

export const PRE_FESTIVAL_WINDOW = { daysBefore: 28, daysAfter: -1 };
export const POST_FESTIVAL_WINDOW = { daysBefore: 0, daysAfter: 20 };

/** Offset c as a share of the series mean: keeps log(y + c) tame for small counts. */
const OFFSET_SHARE = 0.25;
/** Series with more zero months than this share (intermittent demand) get no adjustment. */
const MAX_ZERO_SHARE = 0.1;
/** Minimum |t| of β for an adjustment. */
const MIN_T = 1;
/** |β| cap: a month holding the whole window is at most e^1.6 ≈ 5 times a normal month. */
const MAX_BETA = 1.6;

const FIRST = FIRST_SUPPORTED_YEAR * 12;
const LAST = (LAST_SUPPORTED_YEAR + 1) * 12; // exclusive
const caches = new Map<string, Float64Array>();

function cachedShare(
  monthIndex: number,
  key: string,
  window?: { daysBefore: number; daysAfter: number },
): number {
  if (monthIndex < FIRST || monthIndex >= LAST) return NaN;
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new Float64Array(LAST - FIRST).fill(NaN)));
  const i = monthIndex - FIRST;
  let v = cache[i];
  if (Number.isNaN(v)) {
    const year = Math.floor(monthIndex / 12);
    v = springFestivalShare(year, monthIndex - year * 12 + 1, window);
    cache[i] = v;
  }
  return v;
}

/** Share of the default buying window (`@tms/calendar`) in month index (year·12 + month − 1). */
export function springFestivalX(monthIndex: number): number {
  return cachedShare(monthIndex, 'default');
}

/**
 * The two regressors for `length` months from month index `start`, interleaved (x₁(0), x₂(0), x₁(1), …);
 * null when any month is outside the supported years.
 */
export function springFestivalRegressors(start: number, length: number): Float64Array | null {
  const x = new Float64Array(2 * length);
  for (let t = 0; t < length; t++) {
    x[2 * t] = cachedShare(start + t, 'pre', PRE_FESTIVAL_WINDOW);
    x[2 * t + 1] = cachedShare(start + t, 'post', POST_FESTIVAL_WINDOW);
    if (Number.isNaN(x[2 * t]) || Number.isNaN(x[2 * t + 1])) return null;
  }
  return x;
}

/** Regressor for `length` months from month index `start`; null when any month is unsupported. */
export function springFestivalRegressor(start: number, length: number): Float64Array | null {
  const x = new Float64Array(length);
  for (let t = 0; t < length; t++) {
    x[t] = springFestivalX(start + t);
    if (Number.isNaN(x[t])) return null;
  }
  return x;
}

/** Estimates the effect from y and the interleaved regressors of the same months. */
export function estimateHolidayEffect(y: Float64Array, x: Float64Array, m = 12): HolidayEffect | null {
  const n = y.length;
  if (n < 2 * m + 1 || x.length < 2 * n) return null;
  let mu = 0;
  let zeros = 0;
  for (let t = 0; t < n; t++) {
    mu += y[t];
    if (!(y[t] > 0)) zeros++;
  }
  mu /= n;
  if (!(mu > 0) || zeros > MAX_ZERO_SHARE * n) return null;
  const c = OFFSET_SHARE * mu;
  const N = n - m;
  let s1 = 0;
  let s2 = 0;
  let sd = 0;
  let informative = 0;
  for (let t = m; t < n; t++) {
    const d1 = x[2 * t] - x[2 * (t - m)];
    const d2 = x[2 * t + 1] - x[2 * (t - m) + 1];
    s1 += d1;
    s2 += d2;
    sd += Math.log(y[t] + c) - Math.log(y[t - m] + c);
    if (Math.abs(d1) > 0.05 || Math.abs(d2) > 0.05) informative++;
  }
  if (informative < 3) return null;
  const m1 = s1 / N;
  const m2 = s2 / N;
  const md = sd / N;
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let t = m; t < n; t++) {
    const d1 = x[2 * t] - x[2 * (t - m)] - m1;
    const d2 = x[2 * t + 1] - x[2 * (t - m) + 1] - m2;
    const dy = Math.log(y[t] + c) - Math.log(y[t - m] + c) - md;
    a11 += d1 * d1;
    a12 += d1 * d2;
    a22 += d2 * d2;
    b1 += d1 * dy;
    b2 += d2 * dy;
  }
  const det = a11 * a22 - a12 * a12;
  if (!(det > 1e-9 * Math.max(1e-12, a11 * a22))) return null;
  const beta1 = (a22 * b1 - a12 * b2) / det;
  const beta2 = (a11 * b2 - a12 * b1) / det;
  let rss = 0;
  for (let t = m; t < n; t++) {
    const d1 = x[2 * t] - x[2 * (t - m)] - m1;
    const d2 = x[2 * t + 1] - x[2 * (t - m) + 1] - m2;
    const r = Math.log(y[t] + c) - Math.log(y[t - m] + c) - md - beta1 * d1 - beta2 * d2;
    rss += r * r;
  }
  const s2r = rss / Math.max(1, N - 3);
  const se1 = Math.sqrt((s2r * a22) / det);
  const se2 = Math.sqrt((s2r * a11) / det);
  const shrunk = (b: number, se: number) => {
    const t = se > 0 ? b / se : b !== 0 ? 1e9 : 0;
    if (!(Math.abs(t) >= MIN_T)) return 0;
    const v = (b * t * t) / (t * t + 1);
    return Math.max(-MAX_BETA, Math.min(MAX_BETA, v));
  };
  const beta: [number, number] = [shrunk(beta1, se1), shrunk(beta2, se2)];
  if (beta[0] === 0 && beta[1] === 0) return null;
  return { beta, se: [beta[0] !== 0 ? se1 : 0, beta[1] !== 0 ? se2 : 0], offset: c };
}

function logEffect(x: Float64Array, t: number, e: HolidayEffect): number {
  return e.beta[0] * x[2 * t] + e.beta[1] * x[2 * t + 1];
}

/** y / holiday effect, on the (y + c) scale, floored at 0. */
export function removeHolidayEffect(y: Float64Array, x: Float64Array, e: HolidayEffect): Float64Array {
  const out = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++)
    out[t] = Math.max(0, (y[t] + e.offset) * Math.exp(-logEffect(x, t, e)) - e.offset);
  return out;
}

/**
 * Inverse of `removeHolidayEffect` for forecast months (monotone, so it maps interval bounds too); `x`
 * holds the regressors of the forecast months.
 */
export function addHolidayEffect(v: Float64Array, x: Float64Array, e: HolidayEffect): void {
  for (let h = 0; h < v.length; h++)
    v[h] = Math.max(0, (v[h] + e.offset) * Math.exp(logEffect(x, h, e)) - e.offset);
}

/**
 * Widens interval bounds for the uncertainty of β: the log effect of month T has standard error
 * ≈ sqrt((x₁·se₁)² + (x₂·se₂)²), so each bound moves out by exp(z·that) on the (y + c) scale.
 */
export function widenForHolidayEffect(
  x: Float64Array,
  e: HolidayEffect,
  lo80: Float64Array,
  hi80: Float64Array,
  lo95: Float64Array,
  hi95: Float64Array,
): void {
  for (let h = 0; h < lo80.length; h++) {
    const s = Math.hypot(x[2 * h] * e.se[0], x[2 * h + 1] * e.se[1]);
    if (!(s > 0)) continue;
    const c = e.offset;
    lo80[h] = Math.max(0, (lo80[h] + c) * Math.exp(-1.2816 * s) - c);
    hi80[h] = (hi80[h] + c) * Math.exp(1.2816 * s) - c;
    lo95[h] = Math.max(0, (lo95[h] + c) * Math.exp(-1.96 * s) - c);
    hi95[h] = (hi95[h] + c) * Math.exp(1.96 * s) - c;
  }
}
