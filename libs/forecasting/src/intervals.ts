import { normalQuantile } from './util';

/**
 * Empirical prediction intervals from in-sample multi-step errors.
 *
 * Every method supplies its forecasts from each in-sample origin o with the final parameters
 * (`MethodFit.back`). For horizon h the errors y(o+h−1) − ŷ(o+h−1 | o) are divided by the local level
 * L(o) (mean absolute value of the 12 months before o), so that a series whose level has moved gets
 * errors on today's scale; σ(h) is their root mean square (bias included). Horizons with fewer than
 * 4 errors are extrapolated with a straight line fitted to σ²(h) (slope ≥ 0, as for a random walk's
 * variance), and σ(h) is made non-decreasing in h. Only origins in the last H + 3·m months are used:
 * recent errors describe the current noise better than those of a distant past. Bounds are ŷ ± q·σ(h)·L(n), floored at zero, where q
 * is the empirical quantile of the standardised errors |e|/σ(h) pooled over all horizons (so heavy tails
 * are respected), shrunk towards a Student-t quantile when there are few errors (weight 30 : N).
 */
/** Years of most recent origins (beyond the horizon) whose errors set the interval widths. */
export const WINDOW_YEARS = 3;

export interface IntervalScale {
  /** Relative error scale per horizon (multiply by `level`). */
  sigma: Float64Array;
  /** Errors behind each σ(h) (for the quantile's degrees of freedom). */
  count: Float64Array;
  level: number;
  /** Standardised errors |e| / σ(h) pooled over all horizons, sorted (for empirical quantiles). */
  pooled: Float64Array;
}

function localLevel(y: Float64Array, o: number, m: number, fallback: number): number {
  const from = Math.max(0, o - m);
  if (o <= from) return fallback;
  let s = 0;
  for (let t = from; t < o; t++) s += Math.abs(y[t]);
  const v = s / (o - from);
  return v > 0 ? v : fallback;
}

export function intervalScale(
  y: Float64Array,
  back: Float64Array | null,
  backStart: number,
  H: number,
  m: number,
  params = 0,
): IntervalScale {
  const n = y.length;
  let tot = 0;
  for (let t = 0; t < n; t++) tot += Math.abs(y[t]);
  const fallback = n > 0 && tot > 0 ? tot / n : 1;
  const sigma = new Float64Array(H);
  const count = new Float64Array(H);
  // only recent origins: the last H + WINDOW_YEARS·m months describe today's noise better than old ones
  const first = Math.max(backStart, n - H - WINDOW_YEARS * m);
  const levels = new Float64Array(Math.max(0, n - first));
  for (let o = first; o < n; o++) levels[o - first] = localLevel(y, o, m, fallback);
  if (back) {
    const sq = new Float64Array(H);
    for (let o = first; o < n; o++) {
      const L = levels[o - first];
      const row = (o - backStart) * H;
      const hMax = Math.min(H, n - o);
      for (let h = 1; h <= hMax; h++) {
        const e = (y[o + h - 1] - back[row + h - 1]) / L;
        sq[h - 1] += e * e;
        count[h - 1]++;
      }
    }
    for (let h = 0; h < H; h++) sigma[h] = count[h] > 0 ? sq[h] / count[h] : NaN; // variances for now
  } else sigma.fill(NaN);
  // extrapolate thin horizons with a line through the variances of well-supported ones
  let sw = 0;
  let sh = 0;
  let sv = 0;
  let shh = 0;
  let shv = 0;
  let lastGood = -1;
  for (let h = 0; h < H; h++) {
    if (count[h] >= 4 && Number.isFinite(sigma[h])) {
      const w = count[h];
      sw += w;
      sh += w * (h + 1);
      sv += w * sigma[h];
      shh += w * (h + 1) * (h + 1);
      shv += w * (h + 1) * sigma[h];
      lastGood = h;
    }
  }
  if (lastGood < 0) {
    // no usable errors: a coarse 30 % relative error growing like a random walk
    for (let h = 0; h < H; h++) {
      sigma[h] = 0.09 * (h + 1);
      count[h] = 2;
    }
  } else {
    const den = sw * shh - sh * sh;
    let slope = den > 0 ? (sw * shv - sh * sv) / den : 0;
    if (!(slope > 0)) slope = 0;
    const anchorV = sigma[lastGood];
    for (let h = lastGood + 1; h < H; h++) {
      sigma[h] = anchorV + slope * (h - lastGood);
      count[h] = count[lastGood];
    }
    for (let h = 0; h <= lastGood; h++) {
      if (!(count[h] >= 4)) {
        sigma[h] = Math.max(0, (sv - slope * sh) / sw + slope * (h + 1));
        count[h] = Math.max(count[h], 2);
      }
    }
  }
  // in-sample errors come from parameters fitted to the same data: the usual degrees-of-freedom
  // correction n / (n − p) on the variances (capped at 4)
  const dof = n - params > n / 4 ? n / (n - params) : 4;
  const sdof = Math.sqrt(dof);
  let run = 0;
  for (let h = 0; h < H; h++) {
    const s = Math.sqrt(Math.max(0, sigma[h] * dof));
    run = Math.max(run, s);
    sigma[h] = run;
  }
  // pool the standardised errors of all horizons: their quantiles give the interval's shape (heavy tails)
  let pooled = new Float64Array(0);
  if (back && lastGood >= 0) {
    const all = new Float64Array((n - backStart) * H);
    let k = 0;
    for (let o = first; o < n; o++) {
      const L = levels[o - first];
      const row = (o - backStart) * H;
      const hMax = Math.min(H, n - o);
      for (let h = 1; h <= hMax; h++) {
        // standardise by the uncorrected σ(h), so that the shape does not undo the dof correction
        if (sigma[h - 1] > 0)
          all[k++] = (Math.abs(y[o + h - 1] - back[row + h - 1]) / L / sigma[h - 1]) * sdof;
      }
    }
    pooled = all.subarray(0, k).sort();
  }
  return { sigma, count, level: localLevel(y, n, m, fallback), pooled };
}

/** Student-t quantile by the Cornish–Fisher expansion around the normal quantile (df ≥ 1). */
export function tQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  if (!Number.isFinite(df) || df > 1e6) return z;
  const v = Math.max(df, 1);
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  return (
    z +
    (z3 + z) / (4 * v) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
  );
}

/** Fills lower/upper bounds for the central `coverage` (e.g. 0.8) interval. */
export function applyIntervals(
  mean: Float64Array,
  scale: IntervalScale,
  coverage: number,
  lo: Float64Array,
  hi: Float64Array,
): void {
  const p = 0.5 + coverage / 2;
  // empirical quantile of the pooled standardised errors, shrunk towards the Student-t one when few
  const N = scale.pooled.length;
  const prior = 30;
  let qEmp = 0;
  if (N > 0) {
    const pos = coverage * (N - 1);
    const i = Math.floor(pos);
    qEmp = scale.pooled[i] + (i + 1 < N ? (pos - i) * (scale.pooled[i + 1] - scale.pooled[i]) : 0);
  }
  for (let h = 0; h < mean.length; h++) {
    const qt = tQuantile(p, Math.max(2, scale.count[h] - 1));
    const q = (N * qEmp + prior * qt) / (N + prior);
    const w = q * scale.sigma[h] * scale.level;
    lo[h] = mean[h] - w;
    hi[h] = mean[h] + w;
  }
}
