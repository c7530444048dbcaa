/**
 * Accuracy measures. Arrays are aligned by horizon; all functions accept plain arrays or typed arrays.
 *
 * Definitions (M4 competition where applicable):
 * - sMAPE = mean over horizons of 200·|A − F| / (|A| + |F|) (a term with A = F = 0 counts 0);
 * - MASE = mean |A − F| / mean over the history of |y(t) − y(t − m)| (seasonal naive in-sample scale;
 *   m = 1 when the history is not longer than m);
 * - OWA = ½ (sMAPE / sMAPE(Naive2) + MASE / MASE(Naive2)), computed on averages over a whole data set;
 * - WAPE = Σ|A − F| / Σ|A|;
 * - RMSSE (M5) = sqrt(mean (A − F)² / mean over the history of (y(t) − y(t−1))²);
 * - bias = (ΣF − ΣA) / ΣA (positive = over-forecast);
 * - forecast agreement (吻合率) = max(0, 1 − |ΣA − ΣF| / ΣA) over an aggregate (a retailer-month, a
 *   brand-month, the company-month...). Errors of opposite sign inside the aggregate cancel, which is
 *   what the seeds' 96 % target measures; it is 1 when ΣA = ΣF = 0 and 0 when ΣA = 0 < ΣF;
 * - coverage = share of actuals inside [lo, hi].
 */
type Arr = ArrayLike<number>;

export function smape(actual: Arr, forecast: Arr): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i]) + Math.abs(forecast[i]);
    if (d > 0) s += (200 * Math.abs(actual[i] - forecast[i])) / d;
  }
  return actual.length ? s / actual.length : 0;
}

export function maseScale(history: Arr, m: number): number {
  const lag = history.length > m ? m : 1;
  let s = 0;
  let c = 0;
  for (let t = lag; t < history.length; t++) {
    s += Math.abs(history[t] - history[t - lag]);
    c++;
  }
  return c ? s / c : NaN;
}

export function mase(actual: Arr, forecast: Arr, history: Arr, m = 12): number {
  const scale = maseScale(history, m);
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs(actual[i] - forecast[i]);
  return actual.length ? s / actual.length / scale : 0;
}

export function rmsse(actual: Arr, forecast: Arr, history: Arr): number {
  let d = 0;
  let c = 0;
  for (let t = 1; t < history.length; t++) {
    d += (history[t] - history[t - 1]) ** 2;
    c++;
  }
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += (actual[i] - forecast[i]) ** 2;
  return Math.sqrt(s / Math.max(1, actual.length) / (d / Math.max(1, c)));
}

export function wape(actual: Arr, forecast: Arr): number {
  let e = 0;
  let a = 0;
  for (let i = 0; i < actual.length; i++) {
    e += Math.abs(actual[i] - forecast[i]);
    a += Math.abs(actual[i]);
  }
  return a > 0 ? e / a : e > 0 ? Infinity : 0;
}

export function bias(actual: Arr, forecast: Arr): number {
  let a = 0;
  let f = 0;
  for (let i = 0; i < actual.length; i++) {
    a += actual[i];
    f += forecast[i];
  }
  return a !== 0 ? (f - a) / a : f === 0 ? 0 : Infinity;
}

/** 吻合率 of one aggregate: max(0, 1 − |A − F| / A). */
export function agreement(actualTotal: number, forecastTotal: number): number {
  if (actualTotal <= 0) return forecastTotal === actualTotal ? 1 : 0;
  return Math.max(0, 1 - Math.abs(actualTotal - forecastTotal) / actualTotal);
}

/** 吻合率 of the sum of the given cells (e.g. all retailer × brand cells of one brand in one month). */
export function agreementOf(actual: Arr, forecast: Arr): number {
  let a = 0;
  let f = 0;
  for (let i = 0; i < actual.length; i++) {
    a += actual[i];
    f += forecast[i];
  }
  return agreement(a, f);
}

export function coverage(actual: Arr, lo: Arr, hi: Arr): number {
  let c = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lo[i] && actual[i] <= hi[i]) c++;
  return actual.length ? c / actual.length : NaN;
}

export function owa(smapeValue: number, maseValue: number, smapeNaive2: number, maseNaive2: number): number {
  return 0.5 * (smapeValue / smapeNaive2 + maseValue / maseNaive2);
}
