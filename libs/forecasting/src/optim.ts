/**
 * Minimal Nelder–Mead simplex minimiser over unconstrained variables (constraints are handled by the
 * callers through smooth transforms). Written for 1–5 dimensions and cheap objectives; allocation happens
 * once per call.
 */
export interface NelderMeadOptions {
  /** Initial step along each axis. */
  step?: number;
  maxEvals?: number;
  /** Stop when the spread of objective values in the simplex is below tol * (|best| + 1e-12). */
  tol?: number;
}

export function nelderMead(
  f: (x: Float64Array) => number,
  x0: Float64Array,
  options: NelderMeadOptions = {},
): { x: Float64Array; fx: number; evals: number } {
  const d = x0.length;
  const step = options.step ?? 0.5;
  const maxEvals = options.maxEvals ?? 200 * d;
  const tol = options.tol ?? 1e-7;
  const pts: Float64Array[] = [];
  const fv = new Float64Array(d + 1);
  for (let i = 0; i <= d; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) p[i - 1] += step;
    pts.push(p);
  }
  let evals = 0;
  const evalF = (x: Float64Array): number => {
    evals++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  for (let i = 0; i <= d; i++) fv[i] = evalF(pts[i]);
  const centroid = new Float64Array(d);
  const xr = new Float64Array(d);
  const xe = new Float64Array(d);
  const xc = new Float64Array(d);
  const order = new Int32Array(d + 1);
  for (;;) {
    // order indices by objective value (insertion sort, d is tiny)
    for (let i = 0; i <= d; i++) order[i] = i;
    for (let i = 1; i <= d; i++) {
      const k = order[i];
      let j = i - 1;
      while (j >= 0 && fv[order[j]] > fv[k]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = k;
    }
    const best = order[0];
    const worst = order[d];
    const second = order[d - 1];
    if (evals >= maxEvals) break;
    if (Math.abs(fv[worst] - fv[best]) <= tol * (Math.abs(fv[best]) + 1e-12)) break;
    centroid.fill(0);
    for (let i = 0; i <= d; i++) {
      if (i === worst) continue;
      const p = pts[i];
      for (let j = 0; j < d; j++) centroid[j] += p[j] / d;
    }
    const pw = pts[worst];
    for (let j = 0; j < d; j++) xr[j] = centroid[j] + (centroid[j] - pw[j]);
    const fr = evalF(xr);
    if (fr < fv[best]) {
      for (let j = 0; j < d; j++) xe[j] = centroid[j] + 2 * (centroid[j] - pw[j]);
      const fe = evalF(xe);
      if (fe < fr) {
        pw.set(xe);
        fv[worst] = fe;
      } else {
        pw.set(xr);
        fv[worst] = fr;
      }
    } else if (fr < fv[second]) {
      pw.set(xr);
      fv[worst] = fr;
    } else {
      const outside = fr < fv[worst];
      for (let j = 0; j < d; j++)
        xc[j] = outside
          ? centroid[j] + 0.5 * (xr[j] - centroid[j])
          : centroid[j] + 0.5 * (pw[j] - centroid[j]);
      const fc = evalF(xc);
      if (fc < (outside ? fr : fv[worst])) {
        pw.set(xc);
        fv[worst] = fc;
      } else {
        const pb = pts[best];
        for (let i = 0; i <= d; i++) {
          if (i === best) continue;
          const p = pts[i];
          for (let j = 0; j < d; j++) p[j] = pb[j] + 0.5 * (p[j] - pb[j]);
          fv[i] = evalF(p);
        }
      }
    }
  }
  let bi = 0;
  for (let i = 1; i <= d; i++) if (fv[i] < fv[bi]) bi = i;
  return { x: Float64Array.from(pts[bi]), fx: fv[bi], evals };
}

/** Golden-section search for a minimum of a unimodal function on [a, b]. */
export function goldenSection(f: (x: number) => number, a: number, b: number, tol = 1e-4): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tol) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}
