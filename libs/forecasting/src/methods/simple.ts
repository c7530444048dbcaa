import { m4SeasonalIndices } from '../seasonality';
import { allocBack, defaultBackStart, type FitContext, type MethodFit } from './types';

/** Naive: the last value repeated. */
export function naive(y: Float64Array, ctx: FitContext): MethodFit {
  const n = y.length;
  const mean = new Float64Array(ctx.H).fill(n > 0 ? y[n - 1] : 0);
  const backStart = Math.max(1, Math.min(n - 1, 1));
  const back = allocBack(n, backStart, ctx);
  if (back)
    for (let o = backStart; o < n; o++)
      back.fill(y[o - 1], (o - backStart) * ctx.H, (o - backStart + 1) * ctx.H);
  return { label: 'naive', mean, back, backStart, params: 0 };
}

/** Mean of all observations (used for very short series). */
export function meanMethod(y: Float64Array, ctx: FitContext): MethodFit {
  const n = y.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += y[i];
  const mean = new Float64Array(ctx.H).fill(n > 0 ? s / n : 0);
  const backStart = 1;
  const back = allocBack(n, backStart, ctx);
  if (back) {
    let run = 0;
    for (let o = 1; o < n; o++) {
      run += y[o - 1];
      back.fill(run / o, (o - 1) * ctx.H, o * ctx.H);
    }
  }
  return { label: 'mean', mean, back, backStart, params: 1 };
}

/** Seasonal naive: the value of the same month one period earlier. Falls back to naive when n < m. */
export function seasonalNaive(y: Float64Array, ctx: FitContext): MethodFit {
  const { m, H } = ctx;
  const n = y.length;
  if (n < m) return { ...naive(y, ctx), label: 'naive' };
  const mean = new Float64Array(H);
  for (let h = 1; h <= H; h++) mean[h - 1] = y[n - m + ((h - 1) % m)];
  const backStart = Math.min(n - 1, m);
  const back = allocBack(n, backStart, ctx);
  if (back)
    for (let o = backStart; o < n; o++)
      for (let h = 1; h <= H; h++) back[(o - backStart) * H + h - 1] = y[o - m + ((h - 1) % m)];
  return { label: 'snaive', mean, back, backStart, params: 0 };
}

/**
 * Naive2 (M4 benchmark): naive on the seasonally adjusted series (multiplicative classical decomposition
 * when the 90 % autocorrelation test finds seasonality), re-seasonalised.
 */
export function naive2(y: Float64Array, ctx: FitContext): MethodFit {
  const { m, H } = ctx;
  const n = y.length;
  const idx = m4SeasonalIndices(y, m);
  const si = (t: number) => (idx ? idx[t % m] : 1);
  const last = n > 0 ? y[n - 1] / si(n - 1) : 0;
  const mean = new Float64Array(H);
  for (let h = 1; h <= H; h++) mean[h - 1] = last * si(n - 1 + h);
  const backStart = defaultBackStart(n, m);
  const back = allocBack(n, backStart, ctx);
  if (back)
    for (let o = backStart; o < n; o++) {
      const lv = y[o - 1] / si(o - 1);
      for (let h = 1; h <= H; h++) back[(o - backStart) * H + h - 1] = lv * si(o - 1 + h);
    }
  return { label: idx ? 'naive2(seasonal)' : 'naive2', mean, back, backStart, params: idx ? m - 1 : 0 };
}

/**
 * The seeds' method, as the marketing department forecasts today ("last year as reference, seasonal
 * average × month-on-month coefficient × year-on-year growth"), made precise. With y[0..o) known and
 * p(t) = t mod 12 the calendar position of month t:
 *
 * - reference level L = mean of the last 12 months (last year);
 * - seasonal average s_p = mean of the months at position p within the last 3 years (36 months);
 * - month coefficient k_p = s_p / mean(s_0..s_11) (1 when the seasonal averages are all zero);
 * - year-on-year growth g = (sum of the last 12 months) / (sum of the 12 before), clamped to [0.5, 2],
 *   or 1 with less than 24 months or a zero previous year;
 * - forecast of month T = o + h - 1: L × k_{p(T)} × g^⌈h/12⌉.
 *
 * With less than 12 months it is the mean of what is known.
 */
export function seeds(y: Float64Array, ctx: FitContext): MethodFit {
  const { m, H } = ctx;
  const n = y.length;
  const mean = new Float64Array(H);
  const s = new Float64Array(m);
  const cnt = new Float64Array(m);
  const seedsAt = (o: number, out: Float64Array, offset: number) => {
    if (o < m) {
      let tot = 0;
      for (let t = 0; t < o; t++) tot += y[t];
      out.fill(o > 0 ? tot / o : 0, offset, offset + H);
      return;
    }
    let last = 0;
    for (let t = o - m; t < o; t++) last += y[t];
    const level = last / m;
    s.fill(0);
    cnt.fill(0);
    for (let t = Math.max(0, o - 3 * m); t < o; t++) {
      s[t % m] += y[t];
      cnt[t % m]++;
    }
    let avg = 0;
    for (let j = 0; j < m; j++) {
      s[j] = cnt[j] > 0 ? s[j] / cnt[j] : 0;
      avg += s[j] / m;
    }
    let g = 1;
    if (o >= 2 * m) {
      let prev = 0;
      for (let t = o - 2 * m; t < o - m; t++) prev += y[t];
      if (prev > 0) g = Math.min(2, Math.max(0.5, last / prev));
    }
    for (let h = 1; h <= H; h++) {
      const k = avg > 0 ? s[(o + h - 1) % m] / avg : 1;
      out[offset + h - 1] = level * k * Math.pow(g, Math.ceil(h / m));
    }
  };
  seedsAt(n, mean, 0);
  const backStart = defaultBackStart(n, m);
  const back = allocBack(n, backStart, ctx);
  if (back) for (let o = backStart; o < n; o++) seedsAt(o, back, (o - backStart) * H);
  return { label: 'seeds', mean, back, backStart, params: m + 2 };
}
