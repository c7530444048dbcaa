import { goldenSection } from '../optim';
import { sesPass } from './theta';
import { allocBack, defaultBackStart, type FitContext, type MethodFit } from './types';

/**
 * Methods for intermittent demand. All forecasts are flat (a demand rate per period).
 *
 * Croston (1972): SES with α on the non-zero demand sizes (z) and on the intervals between them (p),
 * updated only in periods with demand; forecast z/p. Initial z = the first non-zero demand, initial
 * p = its 1-based position. Before the first demand the forecast is 0.
 * SBA (Syntetos & Boylan 2005): Croston × (1 − α/2), which removes Croston's positive bias.
 */
function crostonCore(y: Float64Array, ctx: FitContext, alpha: number, sba: boolean): MethodFit {
  const n = y.length;
  const H = ctx.H;
  const factor = sba ? 1 - alpha / 2 : 1;
  const rate = new Float64Array(n + 1); // rate[o] = forecast made with y[0..o)
  let z = 0;
  let p = 0;
  let q = 0;
  let started = false;
  for (let t = 0; t < n; t++) {
    q++;
    if (y[t] > 0) {
      if (!started) {
        z = y[t];
        p = q;
        started = true;
      } else {
        z += alpha * (y[t] - z);
        p += alpha * (q - p);
      }
      q = 0;
    }
    rate[t + 1] = started ? (factor * z) / p : 0;
  }
  return flatFit(sba ? 'sba' : 'croston', rate, n, ctx, H, 2);
}

function flatFit(
  label: string,
  rate: Float64Array,
  n: number,
  ctx: FitContext,
  H: number,
  params: number,
): MethodFit {
  const mean = new Float64Array(H).fill(rate[n]);
  const backStart = defaultBackStart(n, ctx.m);
  const back = allocBack(n, backStart, ctx);
  if (back)
    for (let o = backStart; o < n; o++) back.fill(rate[o], (o - backStart) * H, (o - backStart + 1) * H);
  return { label, mean, back, backStart, params };
}

export function croston(y: Float64Array, ctx: FitContext, alpha = 0.1): MethodFit {
  return crostonCore(y, ctx, alpha, false);
}

export function sba(y: Float64Array, ctx: FitContext, alpha = 0.1): MethodFit {
  return crostonCore(y, ctx, alpha, true);
}

/**
 * TSB (Teunter, Syntetos & Babai 2011): the probability of demand π is smoothed every period with β
 * (towards 1 with demand, 0 without), the size z with α only when demand occurs; forecast π·z. Initial
 * π = share of periods with demand, z = the first non-zero demand. Adapts to obsolescence (a brand that
 * stops selling decays to zero), unlike Croston.
 */
export function tsb(y: Float64Array, ctx: FitContext, alpha = 0.1, beta = 0.1): MethodFit {
  const n = y.length;
  let nz = 0;
  let first = 0;
  for (let t = 0; t < n; t++)
    if (y[t] > 0) {
      if (nz === 0) first = y[t];
      nz++;
    }
  let pi = n > 0 ? nz / n : 0;
  let z = first;
  const rate = new Float64Array(n + 1);
  rate[0] = pi * z;
  for (let t = 0; t < n; t++) {
    if (y[t] > 0) {
      pi += beta * (1 - pi);
      z += alpha * (y[t] - z);
    } else pi -= beta * pi;
    rate[t + 1] = pi * z;
  }
  return flatFit('tsb', rate, n, ctx, ctx.H, 2);
}

/** SES on non-overlapping buckets of k periods (aligned to the end); per-period rate after each origin. */
function aggregatedRate(y: Float64Array, k: number): Float64Array {
  const n = y.length;
  const r = n % k;
  const nb = Math.floor(n / k);
  const agg = new Float64Array(nb);
  for (let i = 0; i < nb; i++) {
    let s = 0;
    for (let t = r + i * k; t < r + (i + 1) * k; t++) s += y[t];
    agg[i] = s;
  }
  const rate = new Float64Array(n + 1);
  if (nb === 0) return rate;
  const alpha = nb > 2 ? goldenSection((a) => sesPass(agg, a, agg[0], null), 0.01, 0.99, 1e-3) : 0.5;
  const levels = new Float64Array(nb);
  sesPass(agg, alpha, agg[0], levels);
  // forecast with y[0..o): the level after the last bucket completed by o, else the first bucket's value
  for (let o = 0; o <= n; o++) {
    const done = Math.floor((o - r) / k);
    rate[o] = (done >= 1 ? levels[done - 1] : agg[0]) / k;
  }
  return rate;
}

function meanInterval(y: Float64Array): number {
  let nz = 0;
  for (let t = 0; t < y.length; t++) if (y[t] > 0) nz++;
  return nz > 0 ? y.length / nz : y.length;
}

/**
 * ADIDA (Nikolopoulos et al. 2011): aggregate into buckets of k = round(mean inter-demand interval)
 * periods, forecast the bucket totals with SES (α by least squares), spread the forecast evenly.
 */
export function adida(y: Float64Array, ctx: FitContext): MethodFit {
  const n = y.length;
  const k = Math.max(1, Math.min(Math.round(meanInterval(y)), Math.floor(n / 3) || 1));
  return flatFit(`adida(k=${k})`, aggregatedRate(y, k), n, ctx, ctx.H, 2);
}

/**
 * IMAPA (Petropoulos & Kourentzes 2015): the ADIDA forecast at every aggregation level
 * k = 1..K, K = min(max(2, ⌈2·mean interval⌉), 12, ⌊n/3⌋), averaged.
 */
export function imapa(y: Float64Array, ctx: FitContext): MethodFit {
  const n = y.length;
  const K = Math.max(1, Math.min(Math.max(2, Math.ceil(2 * meanInterval(y))), 12, Math.floor(n / 3)));
  const rate = new Float64Array(n + 1);
  for (let k = 1; k <= K; k++) {
    const r = aggregatedRate(y, k);
    for (let o = 0; o <= n; o++) rate[o] += r[o] / K;
  }
  return flatFit(`imapa(K=${K})`, rate, n, ctx, ctx.H, 2);
}
