/** Seasonality test and classical decomposition, as used by the M4 competition's benchmarks. */

/** Sample autocorrelation at lags 1..maxLag (biased estimator, as in R's acf). */
export function acf(y: Float64Array, maxLag: number): Float64Array {
  const n = y.length;
  const out = new Float64Array(maxLag + 1);
  let m = 0;
  for (let i = 0; i < n; i++) m += y[i];
  m /= n;
  let denom = 0;
  for (let i = 0; i < n; i++) denom += (y[i] - m) * (y[i] - m);
  out[0] = 1;
  if (denom === 0) return out;
  for (let k = 1; k <= maxLag && k < n; k++) {
    let s = 0;
    for (let i = k; i < n; i++) s += (y[i] - m) * (y[i - k] - m);
    out[k] = s / denom;
  }
  return out;
}

/**
 * 90 % autocorrelation test for seasonality of period m (M4 benchmarks): seasonal when the series has at
 * least 3 full periods and |r_m| > 1.645 · sqrt((1 + 2 Σ_{k<m} r_k²) / n).
 */
export function isSeasonal(y: Float64Array, m: number): boolean {
  const n = y.length;
  if (m <= 1 || n < 3 * m) return false;
  const r = acf(y, m);
  let s = 1;
  for (let k = 1; k < m; k++) s += 2 * r[k] * r[k];
  return Math.abs(r[m]) > 1.645 * Math.sqrt(s / n);
}

/**
 * Classical decomposition's seasonal component: the m seasonal indices (position j applies to t ≡ j mod m)
 * from a centred moving average of order m (2×m for even m). Multiplicative indices average 1, additive
 * ones 0. Needs n ≥ 2m; returns null otherwise or when a multiplicative decomposition meets a zero trend.
 */
export function seasonalIndices(
  y: Float64Array,
  m: number,
  type: 'multiplicative' | 'additive',
  to = y.length,
): Float64Array | null {
  const n = to;
  if (n < 2 * m) return null;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  for (let t = half; t < n - half; t++) {
    let ma = 0;
    if (even) {
      ma = 0.5 * y[t - half] + 0.5 * y[t + half];
      for (let k = t - half + 1; k < t + half; k++) ma += y[k];
    } else {
      for (let k = t - half; k <= t + half; k++) ma += y[k];
    }
    ma /= m;
    const j = t % m;
    if (type === 'multiplicative') {
      if (!(ma > 0)) return null;
      sums[j] += y[t] / ma;
    } else {
      sums[j] += y[t] - ma;
    }
    counts[j]++;
  }
  const idx = new Float64Array(m);
  let total = 0;
  for (let j = 0; j < m; j++) {
    idx[j] = counts[j] > 0 ? sums[j] / counts[j] : type === 'multiplicative' ? 1 : 0;
    total += idx[j];
  }
  const avg = total / m;
  for (let j = 0; j < m; j++) {
    if (type === 'multiplicative') idx[j] = avg > 0 ? idx[j] / avg : 1;
    else idx[j] -= avg;
  }
  if (type === 'multiplicative') for (let j = 0; j < m; j++) if (!(idx[j] > 0)) return null;
  return idx;
}

/**
 * M4-style seasonal adjustment: multiplicative indices when the series passes the 90 % test (and its
 * moving average stays positive), else null (not seasonal).
 */
export function m4SeasonalIndices(y: Float64Array, m: number): Float64Array | null {
  if (!isSeasonal(y, m)) return null;
  return seasonalIndices(y, m, 'multiplicative');
}
