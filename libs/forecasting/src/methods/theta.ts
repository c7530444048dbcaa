import { nelderMead, logistic, logit } from '../optim';
import { m4SeasonalIndices } from '../seasonality';
import { linearTrend } from '../util';
import { allocBack, defaultBackStart, type FitContext, type MethodFit } from './types';

/** Runs simple exponential smoothing; returns the sum of squared one-step errors; stores levels if asked. */
export function sesPass(y: Float64Array, alpha: number, l0: number, levels: Float64Array | null): number {
  let l = l0;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t] - l;
    sse += e * e;
    l += alpha * e;
    if (levels) levels[t] = l;
  }
  return sse;
}

/** SES with α and the initial level chosen by least squares (Nelder–Mead on (logit α, l0)). */
export function fitSes(y: Float64Array): { alpha: number; l0: number } {
  const n = y.length;
  let scale = 0;
  for (let i = 0; i < n; i++) scale += Math.abs(y[i]);
  scale = scale / Math.max(1, n) || 1;
  const x0 = new Float64Array([logit(0.3), y[0] / scale]);
  const res = nelderMead((x) => sesPass(y, 1e-4 + 0.9998 * logistic(x[0]), x[1] * scale, null), x0, {
    step: 0.5,
    maxEvals: 80,
    tol: 1e-6,
  });
  return { alpha: 1e-4 + 0.9998 * logistic(res.x[0]), l0: res.x[1] * scale };
}

function deseasonalise(y: Float64Array, m: number): { ya: Float64Array; idx: Float64Array | null } {
  const idx = m4SeasonalIndices(y, m);
  if (!idx) return { ya: y, idx: null };
  const ya = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++) ya[t] = y[t] / idx[t % m];
  return { ya, idx };
}

/**
 * The classic Theta method in its M4-benchmark form (Assimakopoulos & Nikolopoulos 2000; Hyndman &
 * Billah 2003): multiplicative classical decomposition when the 90 % test finds seasonality, then SES with
 * drift on the adjusted series — ŷ(n+h) = ℓ(n) + b/2 · (h − 1 + (1 − (1 − α)^n) / α), b the OLS slope —
 * re-seasonalised.
 */
export function theta(y: Float64Array, ctx: FitContext): MethodFit {
  const { m, H } = ctx;
  const n = y.length;
  const { ya, idx } = deseasonalise(y, m);
  const { alpha, l0 } = fitSes(ya);
  const levels = new Float64Array(n);
  sesPass(ya, alpha, l0, levels);
  const b = linearTrend(ya)[1];
  const si = (t: number) => (idx ? idx[t % m] : 1);
  const fromOrigin = (o: number, out: Float64Array, offset: number) => {
    const l = o > 0 ? levels[o - 1] : l0;
    const c = (1 - Math.pow(1 - alpha, o)) / alpha;
    for (let h = 1; h <= H; h++) out[offset + h - 1] = (l + (b / 2) * (h - 1 + c)) * si(o + h - 1);
  };
  const mean = new Float64Array(H);
  fromOrigin(n, mean, 0);
  const backStart = defaultBackStart(n, m);
  const back = allocBack(n, backStart, ctx);
  if (back) for (let o = backStart; o < n; o++) fromOrigin(o, back, (o - backStart) * H);
  return { label: 'theta', mean, back, backStart, params: 3 + (idx ? m - 1 : 0) };
}

/**
 * Optimised Theta (after Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler 2016): the theta line
 * Z = θ·y + (1 − θ)·(A + B t) is extrapolated with SES and combined with the linear trend,
 * ŷ = (1 − 1/θ)(A + B t) + (1/θ)·SES(Z), with θ ∈ [1, 5] and α chosen to minimise the in-sample
 * one-step squared error. Same seasonal adjustment as the classic method.
 */
export function optimisedTheta(y: Float64Array, ctx: FitContext): MethodFit {
  const { m, H } = ctx;
  const n = y.length;
  const { ya, idx } = deseasonalise(y, m);
  const [A, B] = linearTrend(ya);
  const z = new Float64Array(n);
  const objective = (alpha: number, th: number) => {
    const w = 1 - 1 / th;
    let l = th * ya[0] + (1 - th) * A;
    let sse = 0;
    for (let t = 0; t < n; t++) {
      const trend = A + B * t;
      const e = ya[t] - (w * trend + l / th);
      sse += e * e;
      l += alpha * (th * ya[t] + (1 - th) * trend - l);
    }
    return sse;
  };
  const res = nelderMead(
    (x) => objective(1e-4 + 0.9998 * logistic(x[0]), 1 + 4 * logistic(x[1])),
    new Float64Array([logit(0.3), logit(0.25)]),
    {
      step: 0.7,
      maxEvals: 100,
      tol: 1e-6,
    },
  );
  const alpha = 1e-4 + 0.9998 * logistic(res.x[0]);
  const th = 1 + 4 * logistic(res.x[1]);
  const w = 1 - 1 / th;
  for (let t = 0; t < n; t++) z[t] = th * ya[t] + (1 - th) * (A + B * t);
  const levels = new Float64Array(n);
  sesPass(z, alpha, z[0], levels);
  const si = (t: number) => (idx ? idx[t % m] : 1);
  const fromOrigin = (o: number, out: Float64Array, offset: number) => {
    const l = o > 0 ? levels[o - 1] : z[0];
    for (let h = 1; h <= H; h++) {
      const T = o + h - 1;
      out[offset + h - 1] = (w * (A + B * T) + l / th) * si(T);
    }
  };
  const mean = new Float64Array(H);
  fromOrigin(n, mean, 0);
  const backStart = defaultBackStart(n, m);
  const back = allocBack(n, backStart, ctx);
  if (back) for (let o = backStart; o < n; o++) fromOrigin(o, back, (o - backStart) * H);
  return { label: `theta-opt(θ=${th.toFixed(2)})`, mean, back, backStart, params: 4 + (idx ? m - 1 : 0) };
}
