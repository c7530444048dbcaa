import {
  addHolidayEffect,
  widenForHolidayEffect,
  estimateHolidayEffect,
  removeHolidayEffect,
  springFestivalRegressors,
  type HolidayEffect,
} from './holidays';
import { applyIntervals, intervalScale } from './intervals';
import { etsAuto, etsWeighted } from './methods/ets';
import { adida, croston, imapa, sba, tsb } from './methods/intermittent';
import { meanMethod, naive, naive2, seasonalNaive, seeds } from './methods/simple';
import { optimisedTheta, theta } from './methods/theta';
import type { FitContext, MethodFit } from './methods/types';
import { formatPeriod, parsePeriod, toFloat64, type NumArray } from './util';

/** Bumped whenever forecasts for the same input may change. Stored with every forecast run. */
export const ENGINE_VERSION = '1.1.0';

export const METHODS = [
  'ensemble',
  'auto',
  'seeds',
  'naive',
  'snaive',
  'naive2',
  'ets',
  'theta',
  'theta-opt',
  'croston',
  'sba',
  'tsb',
  'adida',
  'imapa',
  'mean',
] as const;
export type MethodName = (typeof METHODS)[number];

export interface SeriesInput {
  /** Monthly values, oldest first, without gaps (use 0 for a month without sales). */
  values: NumArray;
  /** Period of values[0], `YYYY-MM`. */
  start: string;
}

export interface ForecastOptions {
  /** Months to forecast (≥ 1). */
  horizon: number;
  /** Default `ensemble`. */
  method?: MethodName;
  /** Default `spring-festival`; `none` turns every calendar effect off. */
  holidays?: 'spring-festival' | 'none';
  /**
   * Spring Festival coefficients (pre-festival, post-festival; log scale) estimated elsewhere, e.g. on an
   * aggregate (see `forecastMany`'s `poolHolidays`): applied multiplicatively instead of estimating them
   * on this series. Ignored with `holidays: 'none'`.
   */
  holidayEffect?: readonly [number, number];
  /** Compute 80 % / 95 % intervals (default true); when false the bounds equal the mean. */
  intervals?: boolean;
  /** Round to whole units (cartons): mean and bounds rounded to the nearest unit, order kept. */
  wholeUnits?: boolean;
  /** A withdrawn brand forecasts zero. */
  withdrawn?: boolean;
  /**
   * Segment profile for short histories: typical sales per calendar month, index 0 = January. With fewer
   * than 13 months of history (and no `seasonalIndices`) the forecast is the profile scaled by (sales so
   * far) / (profile over the same months); with no sales at all, the profile itself.
   */
  profile?: NumArray;
  /** Seasonal period, default 12. */
  seasonalPeriod?: number;
  /**
   * Pooled multiplicative seasonal indices by calendar month (index 0 = January, mean 1), e.g. from
   * `estimatePooledSeasonality` over a segment. The series is divided by them before fitting and the
   * forecast multiplied back: a shop's two or three years are too few to estimate its own seasonality,
   * its segment's total is not. A history shorter than 13 months is then forecast from its recent level
   * on this seasonal profile (see `recentLevelFit`).
   */
  seasonalIndices?: NumArray;
}

export interface ForecastResult {
  /** The method asked for, or the fallback used (`profile`, `short`, `zero`, `withdrawn`). */
  method: MethodName | 'profile' | 'short' | 'zero' | 'withdrawn';
  /** The fitted model(s), e.g. `ensemble[ets(M,Ad,M)+theta+theta-opt(θ=2.10)]`. */
  model: string;
  /** First forecast period, `YYYY-MM`. */
  start: string;
  mean: Float64Array;
  lo80: Float64Array;
  hi80: Float64Array;
  lo95: Float64Array;
  hi95: Float64Array;
  /** Spring Festival coefficients used (pre-festival, post-festival; log scale), or null when none. */
  holidayEffect: [number, number] | null;
}

/** Minimum history for the statistical methods; shorter series take the fallback. */
export const MIN_HISTORY = 13;

/**
 * Syntetos–Boylan cut-off on the average inter-demand interval: at or above it a series is treated as
 * intermittent.
 */
export const INTERMITTENT_ADI = 1.32;

export function isIntermittent(y: Float64Array): boolean {
  let nz = 0;
  for (let t = 0; t < y.length; t++) if (y[t] > 0) nz++;
  return nz === 0 || y.length / nz >= INTERMITTENT_ADI;
}

type Fitter = (y: Float64Array, ctx: FitContext) => MethodFit | null;

const SINGLE: Record<Exclude<MethodName, 'ensemble' | 'auto'>, Fitter> = {
  seeds,
  naive,
  snaive: seasonalNaive,
  naive2,
  ets: (y, ctx) => etsAuto(y, ctx),
  theta,
  'theta-opt': optimisedTheta,
  croston: (y, ctx) => croston(y, ctx),
  sba: (y, ctx) => sba(y, ctx),
  tsb: (y, ctx) => tsb(y, ctx),
  adida,
  imapa,
  mean: meanMethod,
};

/**
 * Components of the default combination (equal weights): for regular series the AICc-weighted average of
 * the ETS candidates and the classic Theta method — two model families that fail differently (Theta's
 * fixed seasonal indices and half-slope drift, ETS's adaptive states), the pairing behind the robust
 * combinations of the M3/M4 competitions; for intermittent series IMAPA (temporal aggregation copes with
 * the zeros) and Theta (SES with drift follows a shop that is taking a brand up or dropping it, which
 * Croston-type methods, updated only when demand occurs, do not). On retailer × brand demo data the
 * Croston/SBA/TSB mix over-forecast dying series by 80 %; this pair had the lowest WAPE and bias.
 */
const ENSEMBLE_REGULAR: Fitter[] = [(y, ctx) => etsWeighted(y, ctx), theta];
const ENSEMBLE_INTERMITTENT: Fitter[] = [imapa, theta];
const AUTO_REGULAR: MethodName[] = ['ets', 'theta', 'theta-opt', 'snaive', 'naive2'];
const AUTO_INTERMITTENT: MethodName[] = ['croston', 'sba', 'tsb', 'adida', 'imapa', 'theta'];

/** Equal-weight combination of fits (forecasts and in-sample forecasts). */
export function combine(fits: MethodFit[], n: number, H: number): MethodFit {
  if (fits.length === 1) return fits[0];
  const mean = new Float64Array(H);
  for (const f of fits) for (let h = 0; h < H; h++) mean[h] += f.mean[h] / fits.length;
  let backStart = 0;
  for (const f of fits) backStart = Math.max(backStart, f.backStart);
  let back: Float64Array | null = null;
  if (fits.every((f) => f.back) && n > backStart) {
    back = new Float64Array((n - backStart) * H);
    for (const f of fits) {
      const b = f.back as Float64Array;
      const shift = (backStart - f.backStart) * H;
      for (let i = 0; i < back.length; i++) back[i] += b[shift + i] / fits.length;
    }
  }
  let params = 0;
  for (const f of fits) params = Math.max(params, f.params);
  return { label: `ensemble[${fits.map((f) => f.label).join('+')}]`, mean, back, backStart, params };
}

function runFitters(fitters: Fitter[], y: Float64Array, ctx: FitContext): MethodFit[] {
  const out: MethodFit[] = [];
  for (const f of fitters) {
    const r = f(y, ctx);
    if (r) out.push(r);
  }
  return out;
}

/**
 * Automatic choice: every candidate is fitted on all but the last v = min(H, m, ⌊n/4⌋) months and scored
 * on them by mean absolute error; the winner is refitted on the whole series.
 */
function autoSelect(y: Float64Array, ctx: FitContext, candidates: MethodName[]): MethodFit {
  const n = y.length;
  const v = Math.max(1, Math.min(ctx.H, ctx.m, Math.floor(n / 4)));
  const train = y.subarray(0, n - v);
  let best: MethodName = candidates[0];
  let bestErr = Infinity;
  for (const name of candidates) {
    const r = SINGLE[name as keyof typeof SINGLE](train, { m: ctx.m, H: v, wantBack: false });
    if (!r) continue;
    let err = 0;
    for (let h = 0; h < v; h++) err += Math.abs(y[n - v + h] - r.mean[h]);
    if (err < bestErr) {
      bestErr = err;
      best = name;
    }
  }
  return (SINGLE[best as keyof typeof SINGLE](y, ctx) ?? meanMethod(y, ctx)) as MethodFit;
}

function fitMethod(method: MethodName, y: Float64Array, ctx: FitContext): MethodFit {
  const intermittent = isIntermittent(y);
  if (method === 'ensemble') {
    const fits = runFitters(intermittent ? ENSEMBLE_INTERMITTENT : ENSEMBLE_REGULAR, y, ctx);
    return fits.length ? combine(fits, y.length, ctx.H) : meanMethod(y, ctx);
  }
  if (method === 'auto') return autoSelect(y, ctx, intermittent ? AUTO_INTERMITTENT : AUTO_REGULAR);
  return SINGLE[method](y, ctx) ?? theta(y, ctx);
}

const SHORT_OK = new Set<MethodName>([
  'seeds',
  'naive',
  'snaive',
  'naive2',
  'mean',
  'croston',
  'sba',
  'tsb',
  'adida',
  'imapa',
]);

function emptyResult(method: ForecastResult['method'], start: string, H: number): ForecastResult {
  return {
    method,
    model: method,
    start,
    mean: new Float64Array(H),
    lo80: new Float64Array(H),
    hi80: new Float64Array(H),
    lo95: new Float64Array(H),
    hi95: new Float64Array(H),
    holidayEffect: null,
  };
}

function profileFit(y: Float64Array, startIdx: number, profile: Float64Array, ctx: FitContext): MethodFit {
  const n = y.length;
  let ys = 0;
  let ps = 0;
  for (let t = 0; t < n; t++) {
    ys += y[t];
    ps += profile[(startIdx + t) % 12];
  }
  const k = n === 0 ? 1 : ps > 0 ? ys / ps : 0;
  const mean = new Float64Array(ctx.H);
  for (let h = 0; h < ctx.H; h++) mean[h] = k * profile[(startIdx + n + h) % 12];
  return { label: 'profile', mean, back: null, backStart: n, params: 1 };
}

/**
 * A young series (a new shop, a newly launched brand) on a seasonally adjusted scale: its level is the mean
 * of its last three months, leaving out the first month when there are more (a first month is partial: the
 * shop opened, or took the brand up, part-way through it). A launch still ramping up is followed within
 * three months, where a mean over all the months would lag far behind.
 */
function recentLevelFit(y: Float64Array, ctx: FitContext): MethodFit {
  const n = y.length;
  const from = n > 1 ? Math.max(1, n - 3) : 0;
  let sum = 0;
  for (let t = from; t < n; t++) sum += y[t];
  const mean = new Float64Array(ctx.H).fill(n > from ? sum / (n - from) : 0);
  return { label: 'recent-level', mean, back: null, backStart: n, params: 1 };
}

/** Forecasts one monthly series. */
export function forecast(series: SeriesInput, options: ForecastOptions): ForecastResult {
  const H = options.horizon;
  if (!Number.isInteger(H) || H < 1) throw new RangeError(`horizon must be a positive integer, got ${H}`);
  const m = options.seasonalPeriod ?? 12;
  const method = options.method ?? 'ensemble';
  if (!(METHODS as readonly string[]).includes(method)) throw new RangeError(`unknown method ${method}`);
  let startIdx = parsePeriod(series.start);
  if (Number.isNaN(startIdx)) throw new RangeError(`start must be YYYY-MM, got ${series.start}`);
  let y: Float64Array = toFloat64(series.values);
  for (let t = 0; t < y.length; t++)
    if (!Number.isFinite(y[t])) throw new RangeError(`values[${t}] is not a finite number`);
  const first = formatPeriod(startIdx + y.length);
  if (options.withdrawn) return emptyResult('withdrawn', first, H);
  // demand starts with the first sale: leading zeros are months before the series existed
  let lead = 0;
  while (lead < y.length && y[lead] <= 0) lead++;
  if (lead > 0) {
    y = y.subarray(lead);
    startIdx += lead;
  }
  const n = y.length;
  const wantIntervals = options.intervals !== false;
  const ctx: FitContext = { m, H, wantBack: wantIntervals };
  const profile = options.profile ? toFloat64(options.profile) : null;
  if (profile && profile.length !== 12) throw new RangeError('profile must have 12 values (January first)');

  let fit: MethodFit;
  let used: ForecastResult['method'] = method;
  let effect: HolidayEffect | null = null;
  let xFuture: Float64Array | null = null;
  let yFit = y;
  const short = n < MIN_HISTORY && !(SHORT_OK.has(method) && n > 0);
  const indices = options.seasonalIndices ? toFloat64(options.seasonalIndices) : null;
  if (indices && indices.length !== 12)
    throw new RangeError('seasonalIndices must have 12 values (January first)');
  // a short history on a segment profile: the profile's calendar months, not the series', carry the season
  const onProfile = short && !!profile && !indices;
  if (n === 0 && !onProfile) return emptyResult('zero', first, H);
  // Spring Festival: a given (pooled) effect applies to any history, except a segment profile, which
  // already carries the segment's festival months; an own estimate needs a long enough history
  if ((options.holidays ?? 'spring-festival') === 'spring-festival' && n > 0 && !onProfile) {
    const x = springFestivalRegressors(startIdx, n + H);
    if (x) {
      if (options.holidayEffect)
        effect = { beta: [options.holidayEffect[0], options.holidayEffect[1]], se: [0, 0], offset: 0 };
      else if (!short) effect = estimateHolidayEffect(y, x, m);
      if (effect) {
        yFit = removeHolidayEffect(y, x, effect);
        xFuture = x.subarray(2 * n);
      }
    }
  }
  if (indices) yFit = deseasonalise(yFit, startIdx, indices);
  if (short) {
    if (indices) {
      fit = recentLevelFit(yFit, ctx);
      used = 'profile';
    } else if (profile) {
      fit = profileFit(y, startIdx, profile, ctx);
      used = 'profile';
    } else {
      fit = meanMethod(yFit, ctx);
      used = 'short';
    }
  } else fit = fitMethod(method, yFit, ctx);
  const mean = Float64Array.from(fit.mean);
  const lo80 = new Float64Array(H);
  const hi80 = new Float64Array(H);
  const lo95 = new Float64Array(H);
  const hi95 = new Float64Array(H);
  if (wantIntervals) {
    const scale = intervalScale(yFit, fit.back, fit.backStart, H, m, fit.params);
    applyIntervals(mean, scale, 0.8, lo80, hi80);
    applyIntervals(mean, scale, 0.95, lo95, hi95);
  } else {
    lo80.set(mean);
    hi80.set(mean);
    lo95.set(mean);
    hi95.set(mean);
  }
  if (indices) {
    for (const v of [mean, lo80, hi80, lo95, hi95]) {
      for (let h = 0; h < H; h++) v[h] *= indices[(startIdx + n + h) % 12];
    }
  }
  if (effect && xFuture) {
    for (const v of [mean, lo80, hi80, lo95, hi95]) addHolidayEffect(v, xFuture, effect);
    if (wantIntervals) widenForHolidayEffect(xFuture, effect, lo80, hi80, lo95, hi95);
  }
  for (let h = 0; h < H; h++) {
    if (!(mean[h] > 0)) mean[h] = 0;
    lo80[h] = Math.min(Math.max(0, lo80[h]), mean[h]);
    lo95[h] = Math.min(Math.max(0, lo95[h]), lo80[h]);
    hi80[h] = Math.max(hi80[h], mean[h]);
    hi95[h] = Math.max(hi95[h], hi80[h]);
    if (options.wholeUnits) {
      mean[h] = Math.round(mean[h]);
      lo80[h] = Math.min(Math.round(lo80[h]), mean[h]);
      lo95[h] = Math.min(Math.round(lo95[h]), lo80[h]);
      hi80[h] = Math.max(Math.round(hi80[h]), mean[h]);
      hi95[h] = Math.max(Math.round(hi95[h]), hi80[h]);
    }
  }
  return {
    method: used,
    model: fit.label,
    start: first,
    mean,
    lo80,
    hi80,
    lo95,
    hi95,
    holidayEffect: effect ? effect.beta : null,
  };
}

export interface ForecastManyOptions extends ForecastOptions {
  /**
   * Estimate the Spring Festival effect once, on the sum of all the series (aligned by month), and apply
   * it to each (default true with `holidays: 'spring-festival'`). Single shops' series are too noisy to
   * estimate it reliably; their total is not. Set false to estimate per series.
   */
  poolHolidays?: boolean;
}

/**
 * Spring Festival coefficients estimated on the month-by-month sum of the series (null when the sum is
 * too short, or no effect is found).
 */
export function estimatePooledHolidayEffect(series: readonly SeriesInput[], m = 12): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const starts = new Float64Array(series.length);
  for (let i = 0; i < series.length; i++) {
    const s = parsePeriod(series[i].start);
    if (Number.isNaN(s)) throw new RangeError(`start must be YYYY-MM, got ${series[i].start}`);
    starts[i] = s;
    lo = Math.min(lo, s);
    hi = Math.max(hi, s + series[i].values.length);
  }
  if (!(hi - lo > 2 * m)) return null;
  const agg = new Float64Array(hi - lo);
  for (let i = 0; i < series.length; i++) {
    const v = series[i].values;
    const off = starts[i] - lo;
    for (let t = 0; t < v.length; t++) if (v[t] > 0) agg[off + t] += v[t];
  }
  const x = springFestivalRegressors(lo, agg.length);
  const e = x ? estimateHolidayEffect(agg, x, m) : null;
  return e ? e.beta : null;
}

function deseasonalise(y: Float64Array, startIdx: number, indices: Float64Array): Float64Array {
  const out = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++) out[t] = y[t] / indices[(startIdx + t) % 12];
  return out;
}

/**
 * Multiplicative seasonal indices by calendar month (January first, mean 1) of the total of many series,
 * by ratio to a centred 2×12 moving average, after removing the given Spring Festival effect (so the moving
 * festival does not smear into both January and February). Null with fewer than 24 months of total.
 */
export function estimatePooledSeasonality(
  series: readonly SeriesInput[],
  holidayEffect?: readonly [number, number] | null,
): Float64Array | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const item of series) {
    const s = parsePeriod(item.start);
    if (Number.isNaN(s)) throw new RangeError(`start must be YYYY-MM, got ${item.start}`);
    lo = Math.min(lo, s);
    hi = Math.max(hi, s + item.values.length);
  }
  const n = hi - lo;
  if (!(n >= 24)) return null;
  let total: Float64Array = new Float64Array(n);
  for (const item of series) {
    const off = parsePeriod(item.start) - lo;
    for (let t = 0; t < item.values.length; t++) if (item.values[t] > 0) total[off + t] += item.values[t];
  }
  if (holidayEffect) {
    const x = springFestivalRegressors(lo, n);
    if (x)
      total = removeHolidayEffect(total, x, {
        beta: [holidayEffect[0], holidayEffect[1]],
        se: [0, 0],
        offset: 0,
      });
  }
  const sums = new Float64Array(12);
  const counts = new Float64Array(12);
  for (let t = 6; t < n - 6; t++) {
    let window = 0.5 * (total[t - 6] + total[t + 6]);
    for (let k = -5; k <= 5; k++) window += total[t + k];
    const average = window / 12;
    if (average <= 0) continue;
    const month = (lo + t) % 12;
    sums[month] += total[t] / average;
    counts[month]++;
  }
  const indices = new Float64Array(12);
  let mean = 0;
  for (let month = 0; month < 12; month++) {
    if (!counts[month]) return null;
    indices[month] = sums[month] / counts[month];
    mean += indices[month] / 12;
  }
  for (let month = 0; month < 12; month++) indices[month] = Math.max(0.05, indices[month] / mean);
  return indices;
}

/** Forecasts many series with the same options (one result per input, in order). */
export function forecastMany(series: readonly SeriesInput[], options: ForecastManyOptions): ForecastResult[] {
  let opts: ForecastOptions = options;
  if (
    (options.holidays ?? 'spring-festival') === 'spring-festival' &&
    options.poolHolidays !== false &&
    !options.holidayEffect
  ) {
    const pooled = estimatePooledHolidayEffect(series, options.seasonalPeriod ?? 12);
    if (pooled) opts = { ...options, holidayEffect: pooled };
  }
  const out: ForecastResult[] = new Array(series.length);
  for (let i = 0; i < series.length; i++) out[i] = forecast(series[i], opts);
  return out;
}
